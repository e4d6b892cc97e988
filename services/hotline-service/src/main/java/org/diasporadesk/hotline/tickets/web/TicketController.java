package org.diasporadesk.hotline.tickets.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.servicelevels.ServiceLevels;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.diasporadesk.hotline.tickets.web.TicketRequests.AssigneeRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.NoteRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.OpenTicketRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.OutcomeRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.ReferralRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.StatusRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tickets", description = "Hotline tickets: a caller's request, worked to its end against service-level "
        + "targets.")
@RestController
@RequestMapping("/tickets")
class TicketController {

    private final TicketDesk desk;
    private final ServiceLevels serviceLevels;
    private final Clock clock;

    TicketController(TicketDesk desk, ServiceLevels serviceLevels, Clock clock) {
        this.desk = desk;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    /** A ticket with where it stands against its service-level targets, as agents need it in the queue. */
    /** @param nextStatuses where the ticket may move from here, so that a screen offers only those */
    record TicketView(@JsonUnwrapped Ticket ticket, ServiceLevels.Status serviceLevelStatus,
            Set<TicketStatus> nextStatuses) {
    }

    private TicketView view(Ticket ticket) {
        return new TicketView(ticket, serviceLevels.status(ticket, clock.instant()), ticket.status().next());
    }

    @Operation(summary = "Open a ticket",
            description = "Opens a ticket for a caller on a topic; emergency topics are raised to high priority.",
            responses = @ApiResponse(responseCode = "201", description = "The ticket was opened; `Location` names it."))
    @PostMapping
    ResponseEntity<TicketDesk.Opened> open(@Valid @RequestBody OpenTicketRequest request, @AuthenticationPrincipal Jwt jwt) {
        TicketDesk.Opened opened = desk.open(request.toCommand(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/tickets/" + opened.ticket().id())).body(opened);
    }

    @Operation(summary = "List the ticket queue",
            description = "The queue of the reader's offices: open tickets (or those in `status`), high priority and "
                    + "oldest first, each with where it stands against its service-level targets. A supervisor sees "
                    + "every ticket of the offices; an agent their own and the unassigned ones.")
    @GetMapping
    List<TicketView> queue(@RequestParam(required = false) TicketStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal Jwt jwt) {
        return desk.queue(Actor.from(jwt), status, Math.max(0, page), Math.min(Math.max(1, size), 200)).stream()
            .map(this::view)
            .toList();
    }

    @Operation(summary = "List ticket topics",
            description = "The topics a ticket can be on; emergency topics raise a ticket's priority.")
    @GetMapping("/topics")
    List<Topic> topics() {
        return desk.topics();
    }

    @Operation(summary = "Read a ticket",
            description = "The ticket with its notes, referrals and service-level status.")
    @GetMapping("/{id}")
    TicketView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.get(id, Actor.from(jwt)));
    }

    @Operation(summary = "Change a ticket's status",
            description = "Moves a ticket along its life; a move its current status does not allow answers 409.")
    @PutMapping("/{id}/status")
    TicketView move(@PathVariable String id, @Valid @RequestBody StatusRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.move(id, request.status(), Actor.from(jwt)));
    }

    @Operation(summary = "Assign a ticket",
            description = "Without `assignee` the agent takes the ticket (an unassigned one, or their own). Giving a "
                    + "ticket to someone else, or taking a colleague's, is the office supervisor's: 403 for an agent.")
    @PutMapping("/{id}/assignee")
    TicketView assign(@PathVariable String id, @Valid @RequestBody AssigneeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.assign(id, request.assignee(), Actor.from(jwt)));
    }

    @Operation(summary = "Refer a ticket to a partner",
            description = "Refers the ticket to an active partner organisation with the reason.",
            responses = @ApiResponse(responseCode = "201",
                    description = "The ticket was referred; `Location` names the referral."))
    @PostMapping("/{id}/referrals")
    ResponseEntity<TicketView> refer(@PathVariable String id, @Valid @RequestBody ReferralRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        Ticket referred = desk.refer(id, request.partnerId(), request.reason(), Actor.from(jwt));
        String referralId = referred.referrals().get(referred.referrals().size() - 1).id();
        return ResponseEntity.created(URI.create("/tickets/" + id + "/referrals/" + referralId)).body(view(referred));
    }

    @Operation(summary = "Record a referral's outcome",
            description = "What the partner did with a referral, with a note.")
    @PutMapping("/{id}/referrals/{referralId}/outcome")
    TicketView recordOutcome(@PathVariable String id, @PathVariable String referralId,
            @Valid @RequestBody OutcomeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.recordOutcome(id, referralId, request.outcome(), request.note(), Actor.from(jwt)));
    }

    @Operation(summary = "Add a note to a ticket",
            description = "A note of what was said or done.")
    @PostMapping("/{id}/notes")
    TicketView addNote(@PathVariable String id, @Valid @RequestBody NoteRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.addNote(id, request.text(), Actor.from(jwt)));
    }
}

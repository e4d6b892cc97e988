package org.diasporadesk.hotline.tickets.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
    record TicketView(@JsonUnwrapped Ticket ticket, ServiceLevels.Status serviceLevelStatus) {
    }

    private TicketView view(Ticket ticket) {
        return new TicketView(ticket, serviceLevels.status(ticket, clock.instant()));
    }

    @PostMapping
    ResponseEntity<TicketDesk.Opened> open(@Valid @RequestBody OpenTicketRequest request, @AuthenticationPrincipal Jwt jwt) {
        TicketDesk.Opened opened = desk.open(request.toCommand(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/tickets/" + opened.ticket().id())).body(opened);
    }

    /** The queue of the agent's offices: open tickets (or those in {@code status}), high priority and oldest first. */
    @GetMapping
    List<TicketView> queue(@RequestParam(required = false) TicketStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal Jwt jwt) {
        return desk.queue(Actor.from(jwt), status, Math.max(0, page), Math.min(Math.max(1, size), 200)).stream()
            .map(this::view)
            .toList();
    }

    @GetMapping("/topics")
    List<Topic> topics() {
        return desk.topics();
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.get(id, Actor.from(jwt)));
    }

    @PutMapping("/{id}/status")
    TicketView move(@PathVariable String id, @Valid @RequestBody StatusRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.move(id, request.status(), Actor.from(jwt)));
    }

    @PutMapping("/{id}/assignee")
    TicketView assign(@PathVariable String id, @Valid @RequestBody AssigneeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.assign(id, request.assignee(), Actor.from(jwt)));
    }

    @PostMapping("/{id}/referrals")
    ResponseEntity<TicketView> refer(@PathVariable String id, @Valid @RequestBody ReferralRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        Ticket referred = desk.refer(id, request.partnerId(), request.reason(), Actor.from(jwt));
        String referralId = referred.referrals().get(referred.referrals().size() - 1).id();
        return ResponseEntity.created(URI.create("/tickets/" + id + "/referrals/" + referralId)).body(view(referred));
    }

    @PutMapping("/{id}/referrals/{referralId}/outcome")
    TicketView recordOutcome(@PathVariable String id, @PathVariable String referralId,
            @Valid @RequestBody OutcomeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.recordOutcome(id, referralId, request.outcome(), request.note(), Actor.from(jwt)));
    }

    @PostMapping("/{id}/notes")
    TicketView addNote(@PathVariable String id, @Valid @RequestBody NoteRequest request, @AuthenticationPrincipal Jwt jwt) {
        return view(desk.addNote(id, request.text(), Actor.from(jwt)));
    }
}

package org.diasporadesk.hotline.tickets.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;
import org.diasporadesk.hotline.tickets.domain.Topic;
import org.diasporadesk.hotline.tickets.web.TicketRequests.AssigneeRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.NoteRequest;
import org.diasporadesk.hotline.tickets.web.TicketRequests.OpenTicketRequest;
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

    TicketController(TicketDesk desk) {
        this.desk = desk;
    }

    @PostMapping
    ResponseEntity<TicketDesk.Opened> open(@Valid @RequestBody OpenTicketRequest request, @AuthenticationPrincipal Jwt jwt) {
        TicketDesk.Opened opened = desk.open(request.toCommand(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/tickets/" + opened.ticket().id())).body(opened);
    }

    /** The queue of the agent's offices: open tickets (or those in {@code status}), high priority and oldest first. */
    @GetMapping
    List<Ticket> queue(@RequestParam(required = false) TicketStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal Jwt jwt) {
        return desk.queue(Actor.from(jwt), status, Math.max(0, page), Math.min(Math.max(1, size), 200));
    }

    @GetMapping("/topics")
    List<Topic> topics() {
        return desk.topics();
    }

    @GetMapping("/{id}")
    Ticket get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return desk.get(id, Actor.from(jwt));
    }

    @PutMapping("/{id}/status")
    Ticket move(@PathVariable String id, @Valid @RequestBody StatusRequest request, @AuthenticationPrincipal Jwt jwt) {
        return desk.move(id, request.status(), Actor.from(jwt));
    }

    @PutMapping("/{id}/assignee")
    Ticket assign(@PathVariable String id, @Valid @RequestBody AssigneeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return desk.assign(id, request.assignee(), Actor.from(jwt));
    }

    @PostMapping("/{id}/notes")
    Ticket addNote(@PathVariable String id, @Valid @RequestBody NoteRequest request, @AuthenticationPrincipal Jwt jwt) {
        return desk.addNote(id, request.text(), Actor.from(jwt));
    }
}

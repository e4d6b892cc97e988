package org.diasporadesk.hotline.callers.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.callers.application.CallerRecognition.Recognition;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Callers", description = "Recognising who calls from a number.")
@RestController
class CallerController {

    private static final int PREVIOUS_TICKETS = 10;

    private final CallerRecognition recognition;
    private final TicketDesk tickets;

    CallerController(CallerRecognition recognition, TicketDesk tickets) {
        this.recognition = recognition;
        this.tickets = tickets;
    }

    /** Who may be calling, and the caller's latest tickets at the agent's offices. */
    record CallerLookup(@JsonUnwrapped Recognition recognition, List<PreviousTicket> previousTickets) {
    }

    record PreviousTicket(String id, Instant openedAt, String topic, String status, String priority) {
    }

    @Operation(summary = "Recognise a caller by phone number",
            description = "Who may be calling from `phone` (any format), among the people of the agent's office area.")
    @GetMapping("/callers")
    CallerLookup recognise(@RequestParam String phone, @AuthenticationPrincipal Jwt jwt) {
        Actor agent = Actor.from(jwt);
        Recognition recognised = recognition.recognise(phone, agent);
        List<PreviousTicket> previous = tickets.previousTickets(recognised.phone(), agent, PREVIOUS_TICKETS).stream()
            .map(CallerController::previous)
            .toList();
        return new CallerLookup(recognised, previous);
    }

    private static PreviousTicket previous(Ticket ticket) {
        return new PreviousTicket(ticket.id(), ticket.openedAt(), ticket.topic().code(), ticket.status().name(),
                ticket.priority().name());
    }
}

package org.diasporadesk.hotline.calls.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.calls.application.CallDesk;
import org.diasporadesk.hotline.calls.application.CallDesk.CallView;
import org.diasporadesk.hotline.calls.domain.Call;
import org.diasporadesk.hotline.tickets.application.OpenTicket;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Priority;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Calls", description = "Call events from the telephony system and the calls that still need a ticket.")
@RestController
class CallController {

    private final CallDesk calls;
    private final TicketDesk tickets;
    private final CallStream stream;

    CallController(CallDesk calls, TicketDesk tickets, CallStream stream) {
        this.calls = calls;
        this.tickets = tickets;
        this.stream = stream;
    }

    /** What the telephony system posts: {@code from} the other party, {@code line} the office line. */
    record CallEventRequest(@NotNull CallDesk.Event event, @NotBlank @Size(max = 100) String callId,
            @NotBlank @Size(max = 40) String from, @NotBlank @Size(max = 40) String line, Call.Direction direction) {
    }

    /** The ticket an agent opens from an answered call: the number, office and channel come from the call. */
    record TicketFromCallRequest(@NotBlank @Size(max = 60) String topic, Priority priority, @Size(max = 4000) String note,
            @Size(max = 40) String callerMigrantId, @Size(max = 40) String callerHouseholdId,
            @Size(max = 200) String callerName, @Size(max = 35) String language) {
    }

    @Operation(summary = "Post a call event",
            description = "The telephony system reports a call's progress (`RINGING`, `ANSWERED`, `ENDED`); the "
                    + "call is recorded and, while it rings or is answered, the answer says who may be calling.")
    @PostMapping("/calls/events")
    CallView event(@Valid @RequestBody CallEventRequest request, @AuthenticationPrincipal Jwt jwt) {
        return calls.report(request.event(), request.callId(), request.from(), request.line(), request.direction(),
                Actor.from(jwt));
    }

    @Operation(summary = "Follow the calls of the agent's offices",
            description = "Server-sent events for the agent's screen: `calls`, the calls of the agent's offices ringing or "
                    + "under way, each with who may be calling (`GET /callers?phone=` adds their previous tickets), at "
                    + "once and again whenever the list changed (a call rings, is answered, gets its ticket or ends).")
    @GetMapping(path = "/calls/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@AuthenticationPrincipal Jwt jwt) {
        return stream.subscribe(Actor.from(jwt));
    }

    @Operation(summary = "List answered calls without a ticket",
            description = "Answered calls of the agent's offices that still need their ticket, oldest first.")
    @GetMapping("/calls/drafts")
    List<CallView> drafts(@AuthenticationPrincipal Jwt jwt) {
        return calls.drafts(Actor.from(jwt));
    }

    @Operation(summary = "Open a ticket from a call",
            description = "Opens a ticket prefilled with the call's caller and links the call to it.",
            responses = @ApiResponse(responseCode = "201", description = "The ticket was opened; `Location` names it."))
    @PostMapping("/calls/{callId}/ticket")
    ResponseEntity<TicketDesk.Opened> openTicket(@PathVariable String callId,
            @Valid @RequestBody TicketFromCallRequest request, @AuthenticationPrincipal Jwt jwt) {
        Actor agent = Actor.from(jwt);
        Call call = calls.draft(callId, agent);
        TicketDesk.Opened opened = tickets.open(new OpenTicket(call.officeCode(), call.caller(), null,
                request.callerName(), request.callerMigrantId(), request.callerHouseholdId(),
                call.direction() == Call.Direction.INBOUND ? Channel.INBOUND_CALL : Channel.OUTBOUND_CALLBACK,
                request.language(), request.topic(), request.priority(), request.note()), agent);
        calls.linkTicket(callId, opened.ticket().id(), agent);
        return ResponseEntity.created(URI.create("/tickets/" + opened.ticket().id())).body(opened);
    }
}

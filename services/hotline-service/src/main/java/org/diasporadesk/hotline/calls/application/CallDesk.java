package org.diasporadesk.hotline.calls.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.callers.application.CallerRecognition.Recognition;
import org.diasporadesk.hotline.calls.domain.Call;
import org.diasporadesk.hotline.tickets.application.TicketDesk;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Call events from the office's telephony system, in the spirit of Zammad's generic CTI interface: a ringing
 * call shows who is calling, an answered call becomes a ticket draft for the agent, an ended call records its
 * talk time on the ticket and is published, without numbers, for reporting ({@code call-logged.v1}). Office lines are configured ({@code ddesk.hotline.lines}: number to office).
 */
@Service
public class CallDesk {

    /** Longer than any call: one whose end was never reported is not shown for ever. */
    private static final Duration CALLS_SHOWN_FOR = Duration.ofHours(2);

    private final Calls calls;
    private final CallerRecognition recognition;
    private final TicketDesk tickets;
    private final PhoneNumbers phoneNumbers;
    private final Territory territory;
    private final Lines lines;
    private final Clock clock;

    CallDesk(Calls calls, CallerRecognition recognition, TicketDesk tickets, PhoneNumbers phoneNumbers,
            Territory territory, Lines lines, Clock clock) {
        this.calls = calls;
        this.recognition = recognition;
        this.tickets = tickets;
        this.phoneNumbers = phoneNumbers;
        this.territory = territory;
        this.lines = lines;
        this.clock = clock;
    }

    /** The office lines: E.164 number of the line to the office (municipality code) that answers it. */
    @ConfigurationProperties("ddesk.hotline")
    public record Lines(Map<String, String> lines) {

        public Lines {
            lines = lines == null ? Map.of() : Map.copyOf(lines);
        }
    }

    public enum Event {
        RINGING, ANSWERED, ENDED
    }

    /** The call as it now stands and, while it rings or is answered, who may be calling. */
    public record CallView(Call call, Recognition recognition) {
    }

    public CallView report(Event event, String callId, String from, String line, Call.Direction direction,
            Actor telephony) {
        String e164Line = phoneNumbers.toE164(line, territory.country(), "line");
        String office = lines.lines().get(e164Line);
        if (office == null) {
            throw new InvalidFieldException("line", "'" + line + "' is not an office line; lines are configured in "
                    + "ddesk.hotline.lines");
        }
        if (!telephony.covers(office, territory)) {
            throw new InvalidFieldException("line", "the line belongs to an office outside your area");
        }
        Instant now = clock.instant();
        Call call = calls.find(callId)
            .orElseGet(() -> Call.ringing(callId, office, e164Line,
                    phoneNumbers.toE164(from, territory.country(), "from"),
                    direction == null ? Call.Direction.INBOUND : direction, now));
        Call next = switch (event) {
            case RINGING -> call;
            case ANSWERED -> call.answered(now);
            case ENDED -> call.ended(now);
        };
        boolean justEnded = call.state() != Call.State.ENDED && next.state() == Call.State.ENDED;
        calls.save(next, justEnded ? List.of(logged(next)) : List.of());
        if (justEnded && next.ticketId() != null) {
            recordTalkTime(next, telephony);
        }
        return new CallView(next, event == Event.ENDED ? null : recognition.recognise(next.caller(), telephony));
    }

    /** Answered calls of the agent's offices still waiting for their ticket. */
    public List<CallView> drafts(Actor agent) {
        if (agent.area() == null) {
            return List.of();
        }
        return calls.drafts(territory.lowestLevelUnitsWithin(agent.area())).stream()
            .map(call -> new CallView(call, recognition.recognise(call.caller(), agent)))
            .toList();
    }

    /**
     * Calls of these offices ringing or under way, for the agents' screens; a call whose end the telephony system never
     * reported drops off after {@link #CALLS_SHOWN_FOR}.
     */
    public List<Call> inProgress(Collection<String> offices) {
        return calls.inProgress(offices, clock.instant().minus(CALLS_SHOWN_FOR));
    }

    /** The call with who may be calling, as the agent may see them (nobody once the caller's number was erased). */
    public CallView recognised(Call call, Actor agent) {
        return new CallView(call, call.caller() == null ? new Recognition(null, List.of())
                : recognition.recognise(call.caller(), agent));
    }

    /** The offices whose calls the agent takes. */
    public List<String> officesOf(Actor agent) {
        return agent.area() == null ? List.of() : territory.lowestLevelUnitsWithin(agent.area());
    }

    /** The call a ticket is opened from, in the agent's offices. */
    public Call draft(String callId, Actor agent) {
        return calls.find(callId)
            .filter(call -> agent.covers(call.officeCode(), territory))
            .orElseThrow(() -> new InvalidFieldException("callId", "no call '" + callId + "' at your offices"));
    }

    /** Links the ticket opened from the call; an already ended call records its talk time at once. */
    public void linkTicket(String callId, String ticketId, Actor agent) {
        Call linked = draft(callId, agent).withTicket(ticketId);
        calls.save(linked, List.of());
        if (linked.state() == Call.State.ENDED) {
            recordTalkTime(linked, agent);
        }
    }

    private void recordTalkTime(Call call, Actor actor) {
        Optional.ofNullable(call.talkTime()).ifPresent(talk -> tickets.addNote(call.ticketId(),
                "Call " + (call.direction() == Call.Direction.INBOUND ? "from" : "to") + " the caller: "
                        + minutesAndSeconds(talk) + " talk time", actor));
    }

    /** The PII-free fact of an ended call, for reporting. */
    private static CallLogged logged(Call call) {
        Instant pickedUp = call.answeredAt() != null ? call.answeredAt() : call.endedAt();
        return new CallLogged(call.callId(), call.officeCode(), call.direction().name(), call.answeredAt() != null,
                Math.max(0, Duration.between(call.ringingAt(), pickedUp).toSeconds()),
                call.talkTime() == null ? 0 : call.talkTime().toSeconds(), call.endedAt(), call.ticketId());
    }

    private static String minutesAndSeconds(Duration talk) {
        return talk.toMinutes() + " min " + talk.toSecondsPart() + " s";
    }

    public Call get(String callId, Actor agent) {
        return calls.find(callId)
            .filter(call -> agent.covers(call.officeCode(), territory))
            .orElseThrow(() -> new NotFoundException("call", callId));
    }
}

package org.diasporadesk.hotline.calls.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A telephone call on an office line, as the telephony system reports it. An answered call without a ticket
 * is a draft: the agent who took it opens the ticket from it ({@code POST /calls/{callId}/ticket}).
 *
 * @param caller the other party's number, E.164; personal data, removed with the caller's tickets on erasure
 */
public record Call(String callId, String officeCode, String line, String caller, Direction direction, State state,
        Instant ringingAt, Instant answeredAt, Instant endedAt, String ticketId) {

    public enum Direction {
        INBOUND, OUTBOUND
    }

    public enum State {
        RINGING, ANSWERED, ENDED
    }

    public static Call ringing(String callId, String officeCode, String line, String caller, Direction direction,
            Instant now) {
        return new Call(callId, officeCode, line, caller, direction, State.RINGING, now, null, null, null);
    }

    /** Telephony systems repeat and reorder events; a call never goes back to an earlier state. */
    public Call answered(Instant now) {
        return state != State.RINGING ? this
                : new Call(callId, officeCode, line, caller, direction, State.ANSWERED, ringingAt, now, null, ticketId);
    }

    public Call ended(Instant now) {
        return state == State.ENDED ? this
                : new Call(callId, officeCode, line, caller, direction, State.ENDED, ringingAt, answeredAt, now, ticketId);
    }

    public Call withTicket(String id) {
        return new Call(callId, officeCode, line, caller, direction, state, ringingAt, answeredAt, endedAt, id);
    }

    public Call withoutCaller() {
        return new Call(callId, officeCode, line, null, direction, state, ringingAt, answeredAt, endedAt, ticketId);
    }

    /** Talk time, from answer to hang-up; null for a call not answered or not ended yet. */
    public Duration talkTime() {
        return answeredAt == null || endedAt == null ? null : Duration.between(answeredAt, endedAt);
    }
}

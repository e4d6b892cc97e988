package org.diasporadesk.hotline.emergencies.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;

/**
 * The emergency alerts. Every change of state is conditional on the state before it, so that of several instances of
 * the service (or a redelivered event) exactly one raises, notifies, acknowledges or escalates an alert.
 */
public interface AlertStore {

    /** Stores a new alert; false if the ticket has one already. */
    boolean insertIfAbsent(EmergencyAlert alert);

    Optional<EmergencyAlert> find(String ticketId);

    /** The offices' alerts opened since {@code since}, the newest first. */
    List<EmergencyAlert> ofOffices(Collection<String> offices, Instant since);

    /** Alerts whose office was not sent them yet, the oldest first. */
    List<EmergencyAlert> notYetSent(int limit);

    /** Unacknowledged alerts not escalated yet whose time to acknowledge ran out by {@code now}. */
    List<EmergencyAlert> escalationsDue(Instant now, int limit);

    /** Marks the office's notification sent, if nobody did; false if someone did. */
    boolean markSent(String ticketId, Instant at);

    /** Takes back a notification that could not be sent, so that the next check tries again. */
    void unmarkSent(String ticketId);

    /** Records the acknowledgement, if nobody acknowledged it before; false if someone did. */
    boolean acknowledge(String ticketId, String supervisor, Instant at);

    /** Marks the alert escalated, if it is still unacknowledged and not escalated; false otherwise. */
    boolean markEscalated(String ticketId, Instant at);

    /** Takes back an escalation that could not be sent, so that the next check tries again. */
    void unmarkEscalated(String ticketId);
}

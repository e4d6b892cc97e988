package org.diasporadesk.hotline.tickets.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ticket's service-level clock: when the office first responded, when the ticket waited on the caller or a
 * third party (the clock pauses then), and when a target was missed. Measured in office minutes by
 * {@code ServiceLevels}; kept here so that it is written with the ticket.
 */
public record ServiceLevel(Instant firstResponseAt, List<Pause> pauses, Instant responseBreachedAt,
        Instant resolutionBreachedAt) {

    /** A wait; {@code until} is null while the ticket is still waiting. */
    public record Pause(Instant from, Instant until) {
    }

    public enum Target {
        RESPONSE, RESOLUTION
    }

    public static final ServiceLevel STARTED = new ServiceLevel(null, List.of(), null, null);

    public ServiceLevel {
        pauses = List.copyOf(Objects.requireNonNullElse(pauses, List.of()));
    }

    public boolean paused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until() == null;
    }

    ServiceLevel responded(Instant now) {
        return firstResponseAt != null ? this
                : new ServiceLevel(now, pauses, responseBreachedAt, resolutionBreachedAt);
    }

    ServiceLevel pausedAt(Instant now) {
        if (paused()) {
            return this;
        }
        List<Pause> longer = new ArrayList<>(pauses);
        longer.add(new Pause(now, null));
        return new ServiceLevel(firstResponseAt, longer, responseBreachedAt, resolutionBreachedAt);
    }

    ServiceLevel resumedAt(Instant now) {
        if (!paused()) {
            return this;
        }
        List<Pause> closed = new ArrayList<>(pauses.subList(0, pauses.size() - 1));
        closed.add(new Pause(pauses.get(pauses.size() - 1).from(), now));
        return new ServiceLevel(firstResponseAt, closed, responseBreachedAt, resolutionBreachedAt);
    }

    ServiceLevel breached(Target target, Instant now) {
        return target == Target.RESPONSE ? new ServiceLevel(firstResponseAt, pauses, now, resolutionBreachedAt)
                : new ServiceLevel(firstResponseAt, pauses, responseBreachedAt, now);
    }

    public boolean breached(Target target) {
        return (target == Target.RESPONSE ? responseBreachedAt : resolutionBreachedAt) != null;
    }
}

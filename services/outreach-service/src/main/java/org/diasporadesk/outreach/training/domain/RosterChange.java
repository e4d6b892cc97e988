package org.diasporadesk.outreach.training.domain;

import java.util.List;

import org.diasporadesk.events.outreach.SessionRosterChanged;

/** A roster's new state with the event that carries its counts, written together in one document write. */
public record RosterChange(Roster roster, List<SessionRosterChanged> events) {

    public RosterChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}

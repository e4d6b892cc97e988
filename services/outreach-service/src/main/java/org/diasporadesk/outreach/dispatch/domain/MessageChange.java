package org.diasporadesk.outreach.dispatch.domain;

import java.util.List;

import org.diasporadesk.events.outreach.MessageStatusChanged;

/** A message's new state with the events the change caused, written together in one document write. */
public record MessageChange(OutreachMessage message, List<MessageStatusChanged> events) {

    public MessageChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}

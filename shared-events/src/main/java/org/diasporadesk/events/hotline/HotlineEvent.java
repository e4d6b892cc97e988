package org.diasporadesk.events.hotline;

import org.diasporadesk.events.EventPayload;

/**
 * Facts the hotline publishes about its tickets and calls: PII-free (office, topic, priority, channel, times),
 * so that reporting can count hotline volume, response and resolution times without learning who called.
 */
public sealed interface HotlineEvent extends EventPayload
        permits TicketEvent, CallLogged {

    String municipalityCode();
}

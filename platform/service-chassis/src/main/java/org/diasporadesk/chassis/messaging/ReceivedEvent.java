package org.diasporadesk.chassis.messaging;

import org.diasporadesk.events.EventEnvelope;

/** A consumed event: its CloudEvents envelope and its decoded payload. */
public record ReceivedEvent<T>(EventEnvelope envelope, T payload) {
}

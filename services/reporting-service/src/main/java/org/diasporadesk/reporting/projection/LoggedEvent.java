package org.diasporadesk.reporting.projection;

import org.diasporadesk.chassis.messaging.ReceivedEvent;

/** A consumed event and the offset of its record in its partition. */
public record LoggedEvent<T>(long offset, ReceivedEvent<T> event) {
}

package org.diasporadesk.hotline.tickets.domain;

/** How the contact came about; the office calls out too, not only in. */
public enum Channel {
    INBOUND_CALL, OUTBOUND_CALLBACK, MESSENGER, WALK_IN
}

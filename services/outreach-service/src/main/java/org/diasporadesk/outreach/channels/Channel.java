package org.diasporadesk.outreach.channels;

/** How a message reaches a recipient; each has its own adapter, rate limit and circuit breaker. */
public enum Channel {
    /** Text message to the recipient's first phone. */
    SMS,
    /** E-mail to the recipient's address. */
    EMAIL,
    /** A messenger (WhatsApp, Viber, Telegram) through its business gateway, addressed by phone. */
    MESSENGER;

    /** Whether this channel can reach someone with these contacts. */
    public boolean reaches(boolean hasPhone, boolean hasEmail) {
        return this == EMAIL ? hasEmail : hasPhone;
    }
}

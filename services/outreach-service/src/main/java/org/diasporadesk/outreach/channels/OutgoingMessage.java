package org.diasporadesk.outreach.channels;

/**
 * What an adapter hands to its provider.
 *
 * @param idempotencyKey the message id: the same on every retry, so that the provider sends it once
 * @param address        E.164 phone for SMS and messengers, e-mail address for e-mail
 * @param subject        e-mail only; may be null
 * @param unsubscribeUrl e-mail only: where the recipient unsubscribes, for the List-Unsubscribe header
 */
public record OutgoingMessage(String idempotencyKey, Channel channel, String address, String language,
        String subject, String body, String unsubscribeUrl) {
}

package org.diasporadesk.outreach.dispatch.domain;

import java.time.Instant;
import java.util.List;

import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.outreach.channels.Channel;

/**
 * One campaign message to one recipient. Its id is random, names nobody, and is the idempotency key every
 * channel receives, so that a retry after a lost answer is recognised by the provider and never sent twice.
 * The text is composed when it goes, from the recipient's current contacts and language.
 *
 * @param notBefore not to be sent earlier: the end of the recipient's quiet hours, or the next retry
 * @param attempts  failed attempts so far (a deferral by an open circuit or the rate limit is not one)
 * @param reminder  the session it reminds of; null for the campaign's own message
 * @param question  a survey's further question (2 and on); null for the campaign's own message, question 1
 * @param recipientKind a migrant or a family member at home (null in messages queued before families were reached:
 *                  a migrant); the figures count each kind
 */
public record OutreachMessage(String id, String campaignId, String migrantId, String municipalityCode,
        Channel channel, MessageStatus status, Instant notBefore, int attempts, String providerId, String lastError,
        Instant queuedAt, Instant sentAt, Reminder reminder, Integer question, PersonKind recipientKind) {

    /** Which session a reminder is for, and which of the campaign's reminders it is. */
    public record Reminder(String sessionId, int hoursBefore) {
    }

    /** The campaign's own message to the recipient. */
    public static MessageChange queue(String id, String campaignId, String migrantId, String municipalityCode,
            PersonKind recipientKind, Channel channel, Instant notBefore, Instant now) {
        return queued(id, campaignId, migrantId, municipalityCode, recipientKind, channel, notBefore, null, null, now);
    }

    /** The question of a survey it asks: 1 for the campaign's own message. */
    public int questionNumber() {
        return question == null ? 1 : question;
    }

    /** A reminder of a session to someone who holds a place in it. */
    public static MessageChange queueReminder(String id, String campaignId, String migrantId, String municipalityCode,
            PersonKind recipientKind, Channel channel, Instant notBefore, Reminder reminder, Instant now) {
        return queued(id, campaignId, migrantId, municipalityCode, recipientKind, channel, notBefore, reminder, null,
                now);
    }

    /** A survey's next question to a recipient who answered the one before. */
    public static MessageChange queueQuestion(String id, String campaignId, String migrantId, String municipalityCode,
            PersonKind recipientKind, Channel channel, Instant notBefore, int question, Instant now) {
        return queued(id, campaignId, migrantId, municipalityCode, recipientKind, channel, notBefore, null, question,
                now);
    }

    private static MessageChange queued(String id, String campaignId, String migrantId, String municipalityCode,
            PersonKind recipientKind, Channel channel, Instant notBefore, Reminder reminder, Integer question,
            Instant now) {
        OutreachMessage queued = new OutreachMessage(id, campaignId, migrantId, municipalityCode, channel,
                MessageStatus.QUEUED, notBefore, 0, null, null, now, null, reminder, question, recipientKind);
        return new MessageChange(queued, List.of(queued.event(now)));
    }

    public MessageChange sent(String byProvider, Instant now) {
        return change(new OutreachMessage(id, campaignId, migrantId, municipalityCode, channel, MessageStatus.SENT,
                notBefore, attempts, byProvider, null, queuedAt, now, reminder, question, recipientKind),
                now, true);
    }

    /** The provider confirmed it arrived; a receipt for a message already final changes nothing. */
    public MessageChange delivered(Instant now) {
        if (status != MessageStatus.SENT) {
            return unchanged();
        }
        return change(with(MessageStatus.DELIVERED, notBefore, attempts, lastError), now, true);
    }

    /** It cannot go: a bad address, no contact left on the channel, retries exhausted, or the provider said so. */
    public MessageChange failed(String reason, Instant now) {
        if (status == MessageStatus.DELIVERED || status == MessageStatus.FAILED || status == MessageStatus.WITHDRAWN) {
            return unchanged();
        }
        return change(with(MessageStatus.FAILED, notBefore, attempts + 1, reason), now, true);
    }

    public MessageChange withdrawn(String reason, Instant now) {
        return change(with(MessageStatus.WITHDRAWN, notBefore, attempts, reason), now, true);
    }

    /** Back to the queue until {@code later}; {@code failedAttempt} counts it towards the retry limit. */
    public MessageChange retryAt(Instant later, String reason, boolean failedAttempt, Instant now) {
        return change(with(MessageStatus.QUEUED, later, failedAttempt ? attempts + 1 : attempts, reason), now, false);
    }

    private OutreachMessage with(MessageStatus newStatus, Instant newNotBefore, int newAttempts, String error) {
        return new OutreachMessage(id, campaignId, migrantId, municipalityCode, channel, newStatus, newNotBefore,
                newAttempts, providerId, error, queuedAt, sentAt, reminder, question, recipientKind);
    }

    private MessageChange change(OutreachMessage changed, Instant now, boolean published) {
        return new MessageChange(changed, published ? List.of(changed.event(now)) : List.of());
    }

    private MessageChange unchanged() {
        return new MessageChange(this, List.of());
    }

    private MessageStatusChanged event(Instant now) {
        return new MessageStatusChanged(id, campaignId, municipalityCode, channel.name(), status.name(), now,
                PersonKind.orMigrant(recipientKind));
    }
}

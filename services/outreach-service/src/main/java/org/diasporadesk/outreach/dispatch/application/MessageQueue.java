package org.diasporadesk.outreach.dispatch.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;

/** Campaign messages, each with its outbox. */
public interface MessageQueue {

    /**
     * Queues these messages; one that a campaign already holds for the same recipient is skipped, so that a
     * launch interrupted half-way can simply run again.
     *
     * @return how many were new
     */
    int enqueue(List<MessageChange> queued);

    /** Queued messages whose time has come, at most {@code limit}, the earliest due first. */
    List<OutreachMessage> due(Instant now, int limit);

    /** Takes a queued message for sending until {@code leaseUntil}; empty if another dispatcher took it. */
    Optional<OutreachMessage> claim(String id, Instant leaseUntil);

    /** Writes a message's new state and events; the caller holds the message (claimed, or a receipt for it). */
    void record(MessageChange change);

    /** Messages claimed by a dispatcher that died go back to the queue. */
    int releaseExpiredClaims(Instant now);

    /** Whether the campaign has messages not yet dispatched (queued or being sent). */
    boolean hasUndispatched(String campaignId);

    long count(String campaignId);

    /** The campaign's messages per status (SENDING counted as QUEUED: it is not out yet). */
    Map<MessageStatus, Long> countByStatus(String campaignId);

    /** The campaign's waiting messages become due now (so that a cancellation withdraws them at once). */
    void dueNow(String campaignId, Instant now);

    /** The migrant's waiting messages become due now (so that the dispatcher withdraws them at once). */
    void dueNowFor(String migrantId, Instant now);

    /** Every message queued for the migrant, newest first: for their export. */
    List<OutreachMessage> ofMigrant(String migrantId);

    /** The ids of every message ever queued for the migrant. */
    List<String> idsFor(String migrantId);

    Optional<OutreachMessage> find(String id);

    /** The campaign's messages, of one status if given, the oldest queued first. */
    List<OutreachMessage> ofCampaign(String campaignId, MessageStatus status, int limit);

    /** The last message that went to the migrant, for a reply to be matched to its campaign. */
    Optional<OutreachMessage> lastSentTo(String migrantId);
}

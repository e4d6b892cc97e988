package org.diasporadesk.outreach.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.diasporadesk.outreach.campaigns.application.CampaignCancelled;
import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.diasporadesk.outreach.segments.application.Segment;
import org.diasporadesk.outreach.segments.application.SegmentCatalogue;
import org.diasporadesk.outreach.segments.application.Segments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts scheduled campaigns whose time has come and ends running ones that are done. Starting queues one
 * message per recipient of the segment as it is now, on the first of the campaign's channels that can reach
 * them, not before the end of their quiet hours; it streams the segment and writes in batches, logging progress,
 * so that a segment of any size fits in memory. A start interrupted half-way runs again: messages already queued
 * are skipped.
 */
@Component
class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);
    private static final int WRITE_BATCH = 1_000;
    private static final int PROGRESS_EVERY = 10_000;

    private final CampaignStore campaigns;
    private final Segments segments;
    private final SegmentCatalogue catalogue;
    private final MessageQueue queue;
    private final RecipientClock recipientClock;
    private final Clock clock;

    CampaignLauncher(CampaignStore campaigns, Segments segments, SegmentCatalogue catalogue, MessageQueue queue,
            RecipientClock recipientClock, Clock clock) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.catalogue = catalogue;
        this.queue = queue;
        this.recipientClock = recipientClock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ddesk.outreach.dispatch.every:1s}")
    void startDue() {
        for (Campaign due : campaigns.dueToStart(clock.instant())) {
            start(due);
        }
    }

    /**
     * Completes running campaigns with nothing left to send. Less often than dispatch rounds: a campaign's end is
     * not urgent, and finding out is a query over its messages.
     */
    @Scheduled(fixedDelayString = "${ddesk.outreach.dispatch.complete-every:5s}")
    void completeFinished() {
        Instant now = clock.instant();
        for (Campaign running : campaigns.running()) {
            if (!queue.hasUndispatched(running.id()) && running.sessionsBegun(now)) {
                try {
                    campaigns.update(running.complete(clock.instant()));
                    log.info("Campaign {} ({}) completed", running.id(), running.title());
                }
                catch (OptimisticLockingFailureException changedMeanwhile) {
                    // A coordinator cancelled it at this moment; the next round sees.
                }
            }
        }
    }

    void start(Campaign campaign) {
        Optional<Segment> segment = segments.find(campaign.segmentId());
        long[] unreachable = { 0 };
        if (segment.isPresent()) {
            List<MessageChange> batch = new ArrayList<>(WRITE_BATCH);
            long[] seen = { 0 };
            catalogue.forEachRecipient(segment.get(), recipient -> {
                seen[0]++;
                Optional<Channel> channel = campaign.channelReaching(!recipient.phones().isEmpty(),
                        recipient.email() != null);
                if (channel.isEmpty()) {
                    unreachable[0]++;
                    return;
                }
                batch.add(message(campaign, recipient, channel.get()));
                if (batch.size() == WRITE_BATCH) {
                    queue.enqueue(batch);
                    batch.clear();
                }
                if (seen[0] % PROGRESS_EVERY == 0) {
                    log.info("Campaign {}: {} recipients queued so far", campaign.id(), seen[0]);
                }
            });
            queue.enqueue(batch);
        }
        long queued = queue.count(campaign.id());
        try {
            campaigns.update(campaign.start(queued, clock.instant()));
            log.info("Campaign {} ({}) started: {} messages queued, {} recipients without an address on its channels",
                    campaign.id(), campaign.title(), queued, unreachable[0]);
        }
        catch (OptimisticLockingFailureException changedMeanwhile) {
            // Cancelled while queueing: the dispatcher withdraws what was queued.
            queue.dueNow(campaign.id(), clock.instant());
        }
    }

    private MessageChange message(Campaign campaign, Recipient recipient, Channel channel) {
        Instant now = clock.instant();
        return OutreachMessage.queue(UUID.randomUUID().toString(), campaign.id(), recipient.migrantId(),
                recipient.municipalityCode(), recipient.kind(), channel, recipientClock.nextAllowed(recipient, now), now);
    }

    /** A recipient who left is written to no more: their waiting messages are withdrawn in the next round. */
    @EventListener
    void on(RecipientLeft left) {
        queue.dueNowFor(left.migrantId(), clock.instant());
    }

    /** A cancelled campaign's waiting messages are withdrawn in the next dispatch round, not at their time. */
    @EventListener
    void on(CampaignCancelled cancelled) {
        queue.dueNow(cancelled.campaignId(), clock.instant());
    }
}

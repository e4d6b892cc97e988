package org.diasporadesk.outreach.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignStatus;
import org.diasporadesk.outreach.channels.ChannelGuard;
import org.diasporadesk.outreach.channels.Delivery;
import org.diasporadesk.outreach.channels.OutgoingMessage;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued messages whose time has come. Just before a message goes, it checks again what may have
 * changed since it was queued: the recipient may have opted out, withdrawn consent or been erased (the message
 * is withdrawn), the campaign cancelled (withdrawn), a reminder's recipient given up the place or the session
 * begun (withdrawn), or it may be night where the recipient lives (the message waits). A provider that fails
 * sends the message back to the queue with a growing wait; an open circuit or a reached rate limit only defers
 * it. A round's messages go out a few at a time in parallel ({@code concurrency}), since a provider takes a
 * while to answer each; the channel's rate limit caps the pace.
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MessageQueue queue;
    private final CampaignStore campaigns;
    private final RecipientRegister recipients;
    private final RecipientClock recipientClock;
    private final MessageComposer composer;
    private final ChannelGuard channels;
    private final DispatchProperties properties;
    private final MessageLog messageLog;
    private final SessionReminders reminders;
    private final Clock clock;
    private final ExecutorService senders;

    Dispatcher(MessageQueue queue, CampaignStore campaigns, RecipientRegister recipients, RecipientClock recipientClock,
            MessageComposer composer, ChannelGuard channels, DispatchProperties properties, MessageLog messageLog,
            SessionReminders reminders, Clock clock) {
        this.queue = queue;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.recipientClock = recipientClock;
        this.composer = composer;
        this.channels = channels;
        this.properties = properties;
        this.messageLog = messageLog;
        this.reminders = reminders;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), work -> {
            Thread thread = new Thread(work, "outreach-dispatch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }

    @Scheduled(fixedDelayString = "${ddesk.outreach.dispatch.every:1s}")
    void dispatchDue() {
        List<OutreachMessage> due = queue.due(clock.instant(), properties.batch());
        Map<String, Optional<Campaign>> campaignsOfRound = new ConcurrentHashMap<>();
        CompletableFuture.allOf(due.stream()
            .map(candidate -> CompletableFuture.runAsync(() -> claimAndDispatch(candidate, campaignsOfRound), senders))
            .toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Messages whose claim ran out (their dispatcher stopped mid-send) go back to the queue. Not every round: a
     * claim lasts minutes.
     */
    @Scheduled(fixedDelayString = "${ddesk.outreach.dispatch.release-every:30s}")
    void releaseExpiredClaims() {
        int released = queue.releaseExpiredClaims(clock.instant());
        if (released > 0) {
            log.warn("{} messages claimed by a dispatcher that stopped went back to the queue", released);
        }
    }

    private void claimAndDispatch(OutreachMessage candidate, Map<String, Optional<Campaign>> campaignsOfRound) {
        try {
            Optional<OutreachMessage> claimed = queue.claim(candidate.id(), clock.instant().plus(properties.claim()));
            if (claimed.isEmpty()) {
                return;
            }
            Optional<Campaign> campaign = campaignsOfRound.computeIfAbsent(candidate.campaignId(), campaigns::find);
            messageLog.record(dispatch(claimed.get(), campaign.orElse(null)));
        }
        catch (RuntimeException unexpected) {
            // The claim runs out and the message goes back to the queue; the round's other messages go on.
            log.error("Message {} could not be dispatched; it is retried when its claim expires", candidate.id(),
                    unexpected);
        }
    }

    private MessageChange dispatch(OutreachMessage message, Campaign campaign) {
        Instant now = clock.instant();
        if (campaign == null || campaign.status() == CampaignStatus.CANCELLED) {
            return message.withdrawn("campaign cancelled", now);
        }
        if (message.reminder() != null && !reminders.stillStands(message, campaign, now)) {
            return message.withdrawn("the recipient no longer holds a place, or the session has begun", now);
        }
        Optional<Recipient> recipient = recipients.find(message.migrantId());
        if (recipient.isEmpty()) {
            return message.withdrawn("no longer a recipient (opted out, consent withdrawn or erased)", now);
        }
        Instant allowed = recipientClock.nextAllowed(recipient.get(), now);
        if (allowed.isAfter(now)) {
            return message.retryAt(allowed, "quiet hours where the recipient lives", false, now);
        }
        Optional<OutgoingMessage> outgoing = composer.compose(message, campaign, recipient.get());
        if (outgoing.isEmpty()) {
            return message.failed("the recipient has no " + message.channel() + " address any more", now);
        }
        Delivery delivery = channels.send(outgoing.get());
        Instant after = clock.instant();
        if (delivery instanceof Delivery.Sent sent) {
            return message.sent(sent.providerId(), after);
        }
        if (delivery instanceof Delivery.Refused refused) {
            return message.failed(refused.reason(), after);
        }
        if (delivery instanceof Delivery.Deferred deferred) {
            return message.retryAt(after.plus(deferred.retryAfter()), deferred.reason(), false, after);
        }
        String reason = ((Delivery.Failed) delivery).reason();
        return message.attempts() + 1 >= properties.maxAttempts()
                ? message.failed("gave up after " + properties.maxAttempts() + " attempts: " + reason, after)
                : message.retryAt(after.plus(properties.backoff(message.attempts() + 1)), reason, true, after);
    }
}

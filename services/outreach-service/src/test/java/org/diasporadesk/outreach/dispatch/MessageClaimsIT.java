package org.diasporadesk.outreach.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims decide which dispatcher sends a message when several instances run: one takes it, the others get
 * nothing, and a claim left behind by a dispatcher that stopped mid-send runs out and frees the message again.
 * The message waits for a day, so the running service's own dispatch rounds and claim releases leave it alone.
 */
@ServiceIntegrationTest
class MessageClaimsIT {

    @Autowired
    MessageQueue queue;

    @Test
    void aMessageIsClaimedByOneDispatcherAtATimeAndGoesBackToTheQueueWhenTheClaimRunsOut() {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        queue.enqueue(List.of(OutreachMessage.queue(id, "claims-" + UUID.randomUUID(), "migrant-" + id,
                "GE-AJ-BATUMI", PersonKind.MIGRANT, Channel.SMS, now.plus(Duration.ofDays(1)), now)));
        Instant leaseEnd = now.plus(Duration.ofHours(1));

        assertThat(queue.claim(id, leaseEnd)).as("the first dispatcher takes it")
            .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(MessageStatus.SENDING));
        assertThat(queue.claim(id, leaseEnd)).as("a second dispatcher gets nothing while the claim holds").isEmpty();

        queue.releaseExpiredClaims(leaseEnd.minusSeconds(1));
        assertThat(queue.find(id)).as("a claim still running stays").map(OutreachMessage::status)
            .hasValue(MessageStatus.SENDING);

        assertThat(queue.releaseExpiredClaims(leaseEnd.plusSeconds(1))).isPositive();
        assertThat(queue.find(id)).map(OutreachMessage::status).hasValue(MessageStatus.QUEUED);
        assertThat(queue.claim(id, leaseEnd.plus(Duration.ofHours(1)))).as("free for the next dispatcher").isPresent();
    }

    @Test
    void queueingAgainSkipsWhatTheCampaignHoldsForTheRecipientOnTheSameOccasion() {
        Instant now = Instant.now();
        String campaign = "again-" + UUID.randomUUID();
        OutreachMessage.Reminder dayBefore = new OutreachMessage.Reminder("session-1", 24);

        assertThat(queue.enqueue(List.of(message(campaign, "migrant-a", null, now),
                message(campaign, "migrant-b", null, now)))).isEqualTo(2);
        assertThat(queue.enqueue(List.of(message(campaign, "migrant-a", null, now),
                message(campaign, "migrant-a", dayBefore, now), message(campaign, "migrant-b", null, now))))
            .as("only the reminder is new").isEqualTo(1);
        assertThat(queue.count(campaign)).isEqualTo(3);
    }

    /** The messages that waited longest leave first, whatever order they were queued in. */
    @Test
    void dueMessagesComeEarliestFirst() {
        Instant later = Instant.now().plus(Duration.ofDays(3650));
        String campaign = "order-" + UUID.randomUUID();
        List<String> queued = new java.util.ArrayList<>();
        for (int hours : new int[] { 3, 1, 2 }) {
            String id = UUID.randomUUID().toString();
            queued.add(id);
            queue.enqueue(List.of(OutreachMessage.queue(id, campaign, "migrant-" + id, "GE-AJ-BATUMI", PersonKind.MIGRANT, Channel.SMS,
                    later.plus(Duration.ofHours(hours)), Instant.now())));
        }

        List<OutreachMessage> due = queue.due(later.plus(Duration.ofDays(1)), 10_000);

        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(OutreachMessage::notBefore));
        assertThat(due).extracting(OutreachMessage::id).containsSubsequence(queued.get(1), queued.get(2), queued.get(0));
    }

    private static MessageChange message(String campaign, String migrant, OutreachMessage.Reminder reminder,
            Instant now) {
        return reminder == null
                ? OutreachMessage.queue(UUID.randomUUID().toString(), campaign, migrant, "GE-AJ-BATUMI", PersonKind.MIGRANT, Channel.SMS,
                        now.plus(Duration.ofDays(1)), now)
                : OutreachMessage.queueReminder(UUID.randomUUID().toString(), campaign, migrant, "GE-AJ-BATUMI",
                        PersonKind.MIGRANT, Channel.SMS, now.plus(Duration.ofDays(1)), reminder, now);
    }
}

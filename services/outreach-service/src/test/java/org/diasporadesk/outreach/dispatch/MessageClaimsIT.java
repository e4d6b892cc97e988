package org.diasporadesk.outreach.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
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
                "GE-AJ-BATUMI", Channel.SMS, now.plus(Duration.ofDays(1)), now)));
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
}

package org.diasporadesk.outreach.campaigns.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.replies.application.Replies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a coordinator sees of a campaign: the campaign, its messages per status and one by one, its replies per
 * answer. Counting the messages per status reads all of the campaign's messages, a full scan on the Mongo wire
 * server that takes seconds at 100,000 messages; a page polling every second would keep the store busy and slow
 * the dispatch down. So a count is shared by every request for {@code ddesk.outreach.progress-counted-for}, or for
 * ten times as long as it took if that is longer (the store then spends at most a tenth of its time counting), and
 * the answer says when it was taken.
 */
@Component
class CampaignProgressView {

    private final MessageQueue messages;
    private final Replies replies;
    private final Duration countedFor;
    private final Clock clock;
    private final Map<String, Counted> counted = new ConcurrentHashMap<>();

    CampaignProgressView(MessageQueue messages, Replies replies,
            @Value("${ddesk.outreach.progress-counted-for:5s}") Duration countedFor, Clock clock) {
        this.messages = messages;
        this.replies = replies;
        this.countedFor = countedFor;
        this.clock = clock;
    }

    record Progress(Campaign campaign, Map<String, Long> messages, Instant messagesCountedAt,
            Map<String, Long> replies) {
    }

    private record Counted(Map<String, Long> perStatus, Instant at, Duration took) {
    }

    List<OutreachMessage> messages(Campaign campaign, MessageStatus status, int limit) {
        return messages.ofCampaign(campaign.id(), status, limit);
    }

    Progress of(Campaign campaign) {
        Instant now = clock.instant();
        counted.values().removeIf(count -> stale(count, now));
        // compute() counts once per campaign while other requests for it wait for that count.
        Counted count = counted.compute(campaign.id(), (id, held) -> held != null && !stale(held, now) ? held
                : new Counted(countByStatus(id), now, Duration.between(now, clock.instant())));
        return new Progress(campaign, count.perStatus(), count.at(), replies.countByAnswer(campaign.id()));
    }

    private boolean stale(Counted count, Instant now) {
        Duration sharedFor = count.took().multipliedBy(10);
        return !count.at().plus(sharedFor.compareTo(countedFor) > 0 ? sharedFor : countedFor).isAfter(now);
    }

    private Map<String, Long> countByStatus(String campaignId) {
        Map<String, Long> perStatus = new TreeMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            if (status != MessageStatus.SENDING) {
                perStatus.put(status.name(), 0L);
            }
        }
        messages.countByStatus(campaignId).forEach((status, count) -> perStatus.put(status.name(), count));
        return perStatus;
    }
}

package org.diasporadesk.outreach.campaigns.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.replies.application.Replies;
import org.springframework.stereotype.Component;

/** What a coordinator sees of a campaign: the campaign, its messages per status and one by one, its replies per answer. */
@Component
class CampaignProgressView {

    private final MessageQueue messages;
    private final Replies replies;

    CampaignProgressView(MessageQueue messages, Replies replies) {
        this.messages = messages;
        this.replies = replies;
    }

    record Progress(Campaign campaign, Map<String, Long> messages, Map<String, Long> replies) {
    }

    List<OutreachMessage> messages(Campaign campaign, MessageStatus status, int limit) {
        return messages.ofCampaign(campaign.id(), status, limit);
    }

    Progress of(Campaign campaign) {
        Map<String, Long> perStatus = new TreeMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            if (status != MessageStatus.SENDING) {
                perStatus.put(status.name(), 0L);
            }
        }
        messages.countByStatus(campaign.id()).forEach((status, count) -> perStatus.put(status.name(), count));
        return new Progress(campaign, perStatus, replies.countByAnswer(campaign.id()));
    }
}

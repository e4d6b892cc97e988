package org.diasporadesk.reporting.outreach.application;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignEvent;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Applies outreach's PII-free campaign facts to the projections, exactly once in effect. */
@Service
public class OutreachProjection {

    private final CampaignFacts campaigns;
    private final MessageFacts messages;
    private final ReplyFacts replies;
    private final EventReceiver receiver;
    private final ApplicationEventPublisher changes;

    OutreachProjection(CampaignFacts campaigns, MessageFacts messages, ReplyFacts replies, EventReceiver receiver,
            ApplicationEventPublisher changes) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.replies = replies;
        this.receiver = receiver;
        this.changes = changes;
    }

    public void apply(ReceivedEvent<CampaignEvent> event) {
        long sequence = event.envelope().sequence();
        boolean applied;
        if (event.payload() instanceof MessageStatusChanged changed) {
            applied = messages.statusChanged(changed, sequence);
        }
        else if (event.payload() instanceof SessionRosterChanged roster) {
            applied = campaigns.rosterChanged(roster, sequence);
        }
        else if (event.payload() instanceof ReplyRecorded reply) {
            applied = replies.recorded(reply, sequence);
        }
        else if (event.payload() instanceof CampaignLaunched launched) {
            applied = campaigns.launched(launched, sequence);
        }
        else {
            applied = campaigns.ended((CampaignEnded) event.payload(), sequence);
        }
        if (applied) {
            changes.publishEvent(FiguresChanged.OUTREACH);
        }
        else {
            receiver.skippedDuplicate(event.envelope());
        }
    }
}

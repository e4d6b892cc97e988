package org.diasporadesk.reporting.outreach.application;

import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignEvent;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.reporting.projection.AppliedEvents;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.stereotype.Service;

/** Applies outreach's PII-free campaign facts to the projections, exactly once in effect. */
@Service
public class OutreachProjection {

    private final CampaignFacts campaigns;
    private final MessageFacts messages;
    private final ReplyFacts replies;
    private final AppliedEvents appliedEvents;

    OutreachProjection(CampaignFacts campaigns, MessageFacts messages, ReplyFacts replies,
            AppliedEvents appliedEvents) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.replies = replies;
        this.appliedEvents = appliedEvents;
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
        appliedEvents.handled(event.envelope(), applied, FiguresChanged.OUTREACH);
    }
}

package org.diasporadesk.outreach.campaigns.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignChange;
import org.diasporadesk.outreach.campaigns.domain.CampaignKind;
import org.diasporadesk.outreach.campaigns.domain.MessageTemplate;
import org.diasporadesk.outreach.campaigns.domain.Schedule;
import org.diasporadesk.outreach.campaigns.domain.SessionReminder;
import org.diasporadesk.outreach.campaigns.domain.SurveyQuestion;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.segments.application.Segment;
import org.diasporadesk.outreach.segments.application.SegmentCatalogue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** What coordinators do with campaigns: draft, launch, cancel, look at. */
@Service
public class CampaignDesk {

    private final CampaignStore store;
    private final SegmentCatalogue segments;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignDesk(CampaignStore store, SegmentCatalogue segments, Territory territory, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.segments = segments;
        this.territory = territory;
        this.events = events;
        this.clock = clock;
    }

    /** A campaign as a coordinator drafts it; session ids are given here. */
    public record Draft(CampaignKind kind, String title, String ownerArea, String segmentId, List<Channel> channels,
            Map<String, MessageTemplate> templates, String fallbackLanguage, List<String> answerOptions,
            List<TrainingSession> sessions, Schedule schedule, List<SessionReminder> reminders,
            List<SurveyQuestion> followUps) {
    }

    public Campaign draft(Draft draft, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "ownerArea", draft.ownerArea());
        Segment segment = segments.find(draft.segmentId(), coordinator);
        if (!territory.isWithin(segment.area(), draft.ownerArea())) {
            throw new InvalidFieldException("segmentId", "the segment's area " + segment.area()
                    + " lies outside the campaign's owner area " + draft.ownerArea());
        }
        List<TrainingSession> sessions = draft.sessions() == null ? List.of() : draft.sessions().stream()
            .map(session -> new TrainingSession(UUID.randomUUID().toString(), session.startsAt(), session.place(),
                    session.capacity()))
            .toList();
        Campaign campaign = Campaign.draft(UUID.randomUUID().toString(), draft.kind(), draft.title().strip(),
                draft.ownerArea(), segment.id(), draft.channels(), draft.templates(), draft.fallbackLanguage(),
                draft.answerOptions(), sessions, draft.schedule(), draft.reminders(), draft.followUps(),
                coordinator.userId(), clock.instant());
        store.insert(campaign);
        return campaign;
    }

    /** The coordinator launches a draft: its messages are queued at its start time. */
    public Campaign launch(String id, Actor coordinator) {
        Campaign campaign = find(id, coordinator);
        return store.update(new CampaignChange(campaign.launch(clock.instant()), List.of()));
    }

    /**
     * The coordinator stops a campaign: messages not yet sent are withdrawn. Messages already handed to a
     * channel cannot be called back.
     */
    public Campaign cancel(String id, Actor coordinator) {
        Campaign cancelled = store.update(find(id, coordinator).cancel(clock.instant()));
        events.publishEvent(new CampaignCancelled(id));
        return cancelled;
    }

    /** A campaign the coordinator may see: its owner area lies within theirs. */
    public Campaign find(String id, Actor coordinator) {
        return store.find(id)
            .filter(campaign -> coordinator.covers(campaign.ownerArea(), territory))
            .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    public List<Campaign> visibleTo(Actor coordinator) {
        List<String> areas = new ArrayList<>();
        for (TerritorialUnit unit : territory.units()) {
            if (coordinator.covers(unit.code(), territory)) {
                areas.add(unit.code());
            }
        }
        return store.ownedBy(areas);
    }
}

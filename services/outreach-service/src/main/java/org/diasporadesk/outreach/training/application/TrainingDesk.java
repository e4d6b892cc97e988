package org.diasporadesk.outreach.training.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.outreach.campaigns.application.CampaignDesk;
import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignStatus;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.training.domain.Roster;
import org.diasporadesk.outreach.training.domain.RosterChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Enrolment in the sessions of trainings and events, the waiting list, and attendance. A coordinator enrols
 * people who call or come by; a YES reply to the invitation enrols the sender in the first session.
 */
@Service
public class TrainingDesk {

    /** Concurrent enrolments in a full session retry on the fresh roster; a few rounds always settle. */
    private static final int ATTEMPTS = 5;

    private final Rosters rosters;
    private final CampaignDesk campaignDesk;
    private final CampaignStore campaigns;
    private final RecipientRegister recipients;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingDesk(Rosters rosters, CampaignDesk campaignDesk, CampaignStore campaigns, RecipientRegister recipients,
            Territory territory, ApplicationEventPublisher events, Clock clock) {
        this.rosters = rosters;
        this.campaignDesk = campaignDesk;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.territory = territory;
        this.events = events;
        this.clock = clock;
    }

    public Roster.Standing enrol(String campaignId, String sessionId, String migrantId, Actor coordinator) {
        Campaign campaign = campaignDesk.find(campaignId, coordinator);
        Recipient recipient = recipients.find(migrantId)
            .filter(found -> coordinator.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("recipient", migrantId));
        return enrol(campaign, sessionId, recipient);
    }

    /** The recipient answered YES to the invitation: a place in the first session, or the waiting list. */
    public Optional<Roster.Standing> enrolByReply(Campaign campaign, Recipient recipient) {
        if (!campaign.kind().hasSessions() || campaign.status() != CampaignStatus.RUNNING) {
            return Optional.empty();
        }
        return campaign.firstSession().map(session -> enrol(campaign, session.id(), recipient));
    }

    private Roster.Standing enrol(Campaign campaign, String sessionId, Recipient recipient) {
        if (campaign.status() != CampaignStatus.SCHEDULED && campaign.status() != CampaignStatus.RUNNING) {
            throw new StateConflictException("campaignId", "the campaign is " + campaign.status()
                    + "; people enrol in launched campaigns only");
        }
        Roster roster = change(campaign, sessionId, current -> current.enrol(recipient.migrantId(),
                recipient.municipalityCode(), recipient.kind(), clock.instant()));
        Roster.Standing standing = roster.standing(recipient.migrantId()).orElseThrow();
        if (standing == Roster.Standing.ENROLLED) {
            events.publishEvent(new PlaceTaken(campaign.id(), sessionId));
        }
        return standing;
    }

    public void withdraw(String campaignId, String sessionId, String migrantId, Actor coordinator) {
        Campaign campaign = campaignDesk.find(campaignId, coordinator);
        change(campaign, sessionId, current -> current.withdraw(migrantId, clock.instant()));
    }

    public void attendance(String campaignId, String sessionId, String migrantId, boolean attended,
            Actor coordinator) {
        Campaign campaign = campaignDesk.find(campaignId, coordinator);
        change(campaign, sessionId, current -> current.attendance(migrantId, attended, clock.instant()));
    }

    /**
     * A session's roster as the coordinator takes attendance from it: each place and each on the waiting list with
     * the person's name (the recipient outreach holds; null once they left it).
     */
    public RosterView roster(String campaignId, String sessionId, Actor coordinator) {
        Campaign campaign = campaignDesk.find(campaignId, coordinator);
        TrainingSession session = session(campaign, sessionId);
        Roster roster = rosters.find(sessionId).orElseGet(() -> Roster.empty(session.id(), campaign.id(),
                campaign.ownerArea(), session.startsAt(), session.capacity()));
        Map<String, String> names = recipients.findAll(Stream.concat(roster.enrolled().stream()
                .map(Roster.Place::migrantId), roster.waiting().stream().map(Roster.Waiting::migrantId)).toList())
            .stream().filter(recipient -> recipient.name() != null)
            .collect(Collectors.toMap(Recipient::migrantId, Recipient::name));
        return new RosterView(roster.sessionId(), roster.campaignId(), roster.ownerArea(), roster.startsAt(),
                roster.capacity(), roster.enrolled().stream().map(place -> new RosterView.Place(place.migrantId(),
                        names.get(place.migrantId()), place.enrolledAt(), place.attended())).toList(),
                roster.waiting().stream().map(waiting -> new RosterView.Waiting(waiting.migrantId(),
                        names.get(waiting.migrantId()), waiting.since())).toList(), roster.version());
    }

    /** An erased or merged-away migrant leaves every roster; the place goes to the first waiting. */
    @EventListener
    void on(RecipientLeft left) {
        if (!left.forgotten()) {
            return;
        }
        String migrantId = left.migrantId();
        for (Roster roster : rosters.holding(migrantId)) {
            campaigns.find(roster.campaignId()).ifPresent(campaign -> change(campaign, roster.sessionId(),
                    current -> current.withdraw(migrantId, clock.instant())));
        }
    }

    private Roster change(Campaign campaign, String sessionId, Function<Roster, RosterChange> change) {
        TrainingSession session = session(campaign, sessionId);
        for (int attempt = 1; ; attempt++) {
            Roster current = rosters.find(sessionId).orElseGet(() -> Roster.empty(session.id(), campaign.id(),
                    campaign.ownerArea(), session.startsAt(), session.capacity()));
            RosterChange changed = change.apply(current);
            if (!changed.changed()) {
                return current;
            }
            try {
                rosters.save(changed);
                return changed.roster();
            }
            catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private static TrainingSession session(Campaign campaign, String sessionId) {
        return campaign.session(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
    }
}

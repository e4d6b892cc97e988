package org.diasporadesk.outreach.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignStatus;
import org.diasporadesk.outreach.campaigns.domain.SessionReminder;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.domain.MessageChange;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.training.application.PlaceTaken;
import org.diasporadesk.outreach.training.application.Rosters;
import org.diasporadesk.outreach.training.domain.Roster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues the reminders of running trainings and events: from a reminder's time until its session begins, each
 * round queues it for everyone then holding a place, so that someone who moves up from the waiting list or
 * enrols late gets it too; the queue's uniqueness per (campaign, recipient, occasion) makes the rounds after the
 * first add only those. Those waiting for a place get none. Just before a reminder goes, the dispatcher asks
 * {@link #stillStands} whether its recipient still holds the place and the session is still ahead.
 */
@Component
class SessionReminders {

    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final CampaignStore campaigns;
    private final Rosters rosters;
    private final RecipientRegister recipients;
    private final MessageQueue queue;
    private final RecipientClock recipientClock;
    private final Clock clock;

    SessionReminders(CampaignStore campaigns, Rosters rosters, RecipientRegister recipients, MessageQueue queue,
            RecipientClock recipientClock, Clock clock) {
        this.campaigns = campaigns;
        this.rosters = rosters;
        this.recipients = recipients;
        this.queue = queue;
        this.recipientClock = recipientClock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ddesk.outreach.dispatch.remind-every:5m}")
    void queueDue() {
        Instant now = clock.instant();
        for (Campaign running : campaigns.running()) {
            for (SessionReminder reminder : running.reminders()) {
                for (TrainingSession session : running.sessions()) {
                    if (reminder.due(session, now)) {
                        queue(running, session, reminder, now);
                    }
                }
            }
        }
    }

    /** Someone took a place: the session's reminders already due go to them now (the others have theirs). */
    @EventListener
    void on(PlaceTaken taken) {
        Instant now = clock.instant();
        campaigns.find(taken.campaignId())
            .filter(campaign -> campaign.status() == CampaignStatus.RUNNING)
            .ifPresent(campaign -> campaign.session(taken.sessionId())
                .ifPresent(session -> campaign.reminders().stream()
                    .filter(reminder -> reminder.due(session, now))
                    .forEach(reminder -> queue(campaign, session, reminder, now))));
    }

    /** Whether a reminder should still go: its recipient holds a place and the session has not begun. */
    boolean stillStands(OutreachMessage message, Campaign campaign, Instant now) {
        OutreachMessage.Reminder reminder = message.reminder();
        boolean ahead = campaign.session(reminder.sessionId()).filter(s -> s.startsAt().isAfter(now)).isPresent();
        return ahead && rosters.find(reminder.sessionId())
            .flatMap(roster -> roster.standing(message.migrantId()))
            .filter(standing -> standing == Roster.Standing.ENROLLED)
            .isPresent();
    }

    private void queue(Campaign campaign, TrainingSession session, SessionReminder reminder, Instant now) {
        Optional<Roster> roster = rosters.find(session.id());
        if (roster.isEmpty()) {
            return;
        }
        OutreachMessage.Reminder occasion = new OutreachMessage.Reminder(session.id(), reminder.hoursBefore());
        List<MessageChange> reminders = new ArrayList<>();
        for (Roster.Place place : roster.get().enrolled()) {
            // Someone who has left since enrolling is off the roster already, or is in the next round.
            Optional<Recipient> recipient = recipients.find(place.migrantId());
            Optional<Channel> channel = recipient.flatMap(found -> campaign.channelReaching(!found.phones().isEmpty(),
                    found.email() != null));
            if (channel.isPresent()) {
                reminders.add(OutreachMessage.queueReminder(UUID.randomUUID().toString(), campaign.id(),
                        place.migrantId(), recipient.get().municipalityCode(), recipient.get().kind(), channel.get(),
                        recipientClock.nextAllowed(recipient.get(), now), occasion, now));
            }
        }
        int queued = queue.enqueue(reminders);
        if (queued > 0) {
            log.info("Campaign {}: {} reminders queued for session {} ({} hours before)", campaign.id(), queued,
                    session.id(), reminder.hoursBefore());
        }
    }
}

package org.diasporadesk.outreach.people.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineContact;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineContacts;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.replies.application.Replies;
import org.diasporadesk.outreach.replies.application.Reply;
import org.diasporadesk.outreach.training.application.Rosters;
import org.diasporadesk.outreach.training.domain.Roster;
import org.springframework.stereotype.Service;

/**
 * Outreach's part of a person's request for access: their recipient record, the messages queued and sent to them,
 * their replies, their places on session rosters and the hotline contacts a segment may select them by. The
 * registry's export gives the record; the office hands the person all of them.
 */
@Service
public class PersonExport {

    private final RecipientRegister recipients;
    private final MessageQueue messages;
    private final Replies replies;
    private final Rosters rosters;
    private final HotlineContacts contacts;
    private final Territory territory;
    private final Clock clock;

    PersonExport(RecipientRegister recipients, MessageQueue messages, Replies replies, Rosters rosters,
            HotlineContacts contacts, Territory territory, Clock clock) {
        this.recipients = recipients;
        this.messages = messages;
        this.replies = replies;
        this.rosters = rosters;
        this.contacts = contacts;
        this.territory = territory;
        this.clock = clock;
    }

    /** One session the person holds a place on or waits for. */
    public record SessionPlace(String sessionId, String campaignId, Instant startsAt, boolean enrolled,
            Boolean attended) {
    }

    public record Export(Instant exportedAt, String migrantId, Recipient recipient, List<OutreachMessage> messages,
            List<Reply> replies, List<SessionPlace> sessions, List<HotlineContact> hotlineContacts) {
    }

    /** Everything held about the migrant, for an officer of their municipality; others are told there is nothing. */
    public Export of(String migrantId, Actor officer) {
        Optional<Recipient> recipient = recipients.find(migrantId);
        List<OutreachMessage> sent = messages.ofMigrant(migrantId);
        boolean foreign = recipient.map(Recipient::municipalityCode).or(() -> sent.stream().findFirst()
            .map(OutreachMessage::municipalityCode)).filter(area -> !officer.covers(area, territory)).isPresent();
        if (foreign) {
            throw new NotFoundException("person in outreach's records", migrantId);
        }
        List<SessionPlace> places = rosters.holding(migrantId).stream().map(roster -> place(roster, migrantId))
            .toList();
        return new Export(clock.instant(), migrantId, recipient.orElse(null), sent, replies.ofMigrant(migrantId),
                places, contacts.of(migrantId));
    }

    private static SessionPlace place(Roster roster, String migrantId) {
        Optional<Roster.Place> place = roster.enrolled().stream().filter(held -> held.migrantId().equals(migrantId))
            .findFirst();
        return new SessionPlace(roster.sessionId(), roster.campaignId(), roster.startsAt(), place.isPresent(),
                place.map(Roster.Place::attended).orElse(null));
    }
}

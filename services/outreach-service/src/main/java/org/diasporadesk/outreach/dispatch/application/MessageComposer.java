package org.diasporadesk.outreach.dispatch.application;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.MessageTemplate;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.channels.OutgoingMessage;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.springframework.stereotype.Component;

/**
 * Writes a campaign's message for one recipient: in their preferred language (else the campaign's fallback),
 * to their current address on the message's channel. Session dates are written in the session's office time,
 * in the recipient's language: the first session's in the campaign's own message, the session's own in a
 * reminder. An e-mail ends with its unsubscribe link.
 */
@Component
public class MessageComposer {

    private final ZoneId officeZone;
    private final UnsubscribeLinks unsubscribe;

    MessageComposer(RecipientClock clock, UnsubscribeLinks unsubscribe) {
        this.officeZone = clock.officeZone();
        this.unsubscribe = unsubscribe;
    }

    /** Empty when the recipient has no address left on the message's channel. */
    public Optional<OutgoingMessage> compose(OutreachMessage message, Campaign campaign, Recipient recipient) {
        String address = message.channel() == Channel.EMAIL ? recipient.email()
                : recipient.phones().isEmpty() ? null : recipient.phones().get(0);
        if (address == null) {
            return Optional.empty();
        }
        OutreachMessage.Reminder reminder = message.reminder();
        Map.Entry<String, MessageTemplate> template = reminder == null
                ? campaign.questionTemplateFor(message.questionNumber(), recipient.preferredLanguage())
                : campaign.reminderTemplateFor(reminder.hoursBefore(), recipient.preferredLanguage());
        Map<String, String> values = new HashMap<>();
        values.put("name", recipient.name() == null ? "" : recipient.name());
        values.put("campaign", campaign.title());
        (reminder == null ? campaign.firstSession() : campaign.session(reminder.sessionId()))
            .ifPresent(session -> values.putAll(session(session, template.getKey())));
        String subject = template.getValue().subject(values);
        String body = template.getValue().body(values);
        if (message.channel() != Channel.EMAIL) {
            return Optional.of(new OutgoingMessage(message.id(), message.channel(), address, template.getKey(),
                    subject, body, null));
        }
        // "-- " on a line of its own: mail programs set what follows apart as a signature.
        return Optional.of(new OutgoingMessage(message.id(), message.channel(), address, template.getKey(), subject,
                body + "\n\n-- \n" + unsubscribe.footer(message.id(), template.getKey()),
                unsubscribe.url(message.id())));
    }

    private Map<String, String> session(TrainingSession session, String language) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.forLanguageTag(language));
        return Map.of("session.date", session.startsAt().atZone(officeZone).format(format), "session.place",
                session.place());
    }
}

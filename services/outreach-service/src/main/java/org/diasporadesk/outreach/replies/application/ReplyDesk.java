package org.diasporadesk.outreach.replies.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.outreach.campaigns.application.CampaignStore;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignStatus;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.application.MessageQueue;
import org.diasporadesk.outreach.dispatch.application.RecipientClock;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientLeft;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.training.application.TrainingDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Replies that providers pass on. A stop word opts the sender out everywhere (outreach at once, the registry's
 * consent through {@code recipient-opted-out.v1}); anything else is an answer to the last campaign message the
 * sender received, counted under the answer option it matches; YES to a training or event invitation enrols the
 * sender in its first session (or puts them on the waiting list), and an answer to a survey's question asks the
 * next one.
 */
@Service
public class ReplyDesk {

    private static final Logger log = LoggerFactory.getLogger(ReplyDesk.class);
    /** The answer option that, to a training or event invitation, asks for a place. */
    private static final String YES = "YES";

    private final RecipientRegister recipients;
    private final MessageQueue messages;
    private final CampaignStore campaigns;
    private final Replies replies;
    private final TrainingDesk training;
    private final RecipientClock recipientClock;
    private final PhoneNumbers phoneNumbers;
    private final Territory territory;
    private final Clock clock;

    ReplyDesk(RecipientRegister recipients, MessageQueue messages, CampaignStore campaigns, Replies replies,
            TrainingDesk training, RecipientClock recipientClock, PhoneNumbers phoneNumbers, Territory territory,
            Clock clock) {
        this.recipients = recipients;
        this.messages = messages;
        this.campaigns = campaigns;
        this.replies = replies;
        this.training = training;
        this.recipientClock = recipientClock;
        this.phoneNumbers = phoneNumbers;
        this.territory = territory;
        this.clock = clock;
    }

    /** What became of a reply; a sender outreach does not know is ignored and says nothing about who is known. */
    public enum Handled { OPTED_OUT, ANSWER, UNKNOWN_SENDER }

    /** @param from the sender's phone (E.164 or national) or e-mail address */
    public Handled receive(Channel channel, String from, String text) {
        String address = channel == Channel.EMAIL ? from.strip()
                : phoneNumbers.toE164(from, territory.country(), "from");
        Optional<Recipient> sender = recipients.findByAddress(address);
        if (sender.isEmpty()) {
            log.info("A {} reply from an address outreach does not hold was ignored", channel);
            return Handled.UNKNOWN_SENDER;
        }
        Recipient recipient = sender.get();
        Optional<OutreachMessage> answered = messages.lastSentTo(recipient.migrantId());
        Optional<Campaign> campaign = answered.map(OutreachMessage::campaignId).flatMap(campaigns::find);
        if (StopWords.isStop(text)) {
            recipients.optOut(recipient, "replied " + text.strip() + " by " + channel);
            campaign.ifPresent(c -> replies.insert(new Reply(UUID.randomUUID().toString(), c.id(),
                    recipient.migrantId(), recipient.municipalityCode(), channel, null, null, Reply.Kind.OPT_OUT, null,
                    clock.instant())));
            return Handled.OPTED_OUT;
        }
        if (campaign.isEmpty()) {
            return Handled.UNKNOWN_SENDER;
        }
        int question = answered.get().questionNumber();
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        String answer = campaign.get().answerOptions(question).contains(normalized) ? normalized : null;
        replies.insert(new Reply(UUID.randomUUID().toString(), campaign.get().id(), recipient.migrantId(),
                recipient.municipalityCode(), channel, text.strip(), answer, Reply.Kind.ANSWER, question,
                clock.instant()));
        if (YES.equals(answer) && question == 1) {
            training.enrolByReply(campaign.get(), recipient);
        }
        campaign.get().questionAfter(question)
            .ifPresent(next -> askNext(campaign.get(), answered.get(), recipient, next));
        return Handled.ANSWER;
    }

    /**
     * A survey's next question goes to whoever answered the one before, free text included, on the channel the
     * answer came back on; a second reply to the same question does not ask it twice (one message per question).
     */
    private void askNext(Campaign survey, OutreachMessage answered, Recipient recipient, int question) {
        if (survey.status() == CampaignStatus.CANCELLED) {
            return;
        }
        Instant now = clock.instant();
        messages.enqueue(List.of(OutreachMessage.queueQuestion(UUID.randomUUID().toString(), survey.id(),
                recipient.migrantId(), recipient.municipalityCode(), recipient.kind(), answered.channel(),
                recipientClock.nextAllowed(recipient, now), question, now)));
    }

    /**
     * The recipient of an e-mail followed its unsubscribe link: opted out everywhere, as by a stop word.
     *
     * @return false if there is no such message; true also when the recipient had already left
     */
    public boolean unsubscribe(String messageId) {
        Optional<OutreachMessage> message = messages.find(messageId);
        if (message.isEmpty()) {
            return false;
        }
        recipients.find(message.get().migrantId()).ifPresent(recipient -> {
            recipients.optOut(recipient, "followed the unsubscribe link of an e-mail");
            replies.insert(new Reply(UUID.randomUUID().toString(), message.get().campaignId(), recipient.migrantId(),
                    recipient.municipalityCode(), Channel.EMAIL, null, null, Reply.Kind.OPT_OUT, null,
                    clock.instant()));
        });
        return true;
    }

    @EventListener
    void on(RecipientLeft left) {
        if (left.forgotten()) {
            replies.forget(left.migrantId());
        }
    }
}

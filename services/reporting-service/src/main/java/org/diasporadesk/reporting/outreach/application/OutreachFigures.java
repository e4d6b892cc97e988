package org.diasporadesk.reporting.outreach.application;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.disclosure.LinkedTable;
import org.diasporadesk.reporting.disclosure.ProtectedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;
import org.diasporadesk.reporting.outreach.application.CampaignFacts.CampaignFact;
import org.diasporadesk.reporting.outreach.application.CampaignFacts.SessionFact;
import org.diasporadesk.reporting.outreach.application.MessageFacts.MessageCount;
import org.diasporadesk.reporting.outreach.application.ReplyFacts.ReplyCount;
import org.springframework.stereotype.Service;

/**
 * Outreach for an area: messages to people whose home is in it, by channel and status, the delivery rate, reach and
 * replies per campaign, opt-outs, the training sessions that the area or an office below it runs, enrolment
 * against capacity and attendance, and the families at home it reached, enrolled and saw attend. Every count goes through the disclosure policy, messages and replies each as one
 * table over the whole territory; a rate is published only when the counts it is made of are, so that it gives
 * nothing away.
 */
@Service
public class OutreachFigures {

    /** Messages that went out to a person: their phone or mailbox got them. */
    private static final List<String> REACHED = List.of("SENT", "DELIVERED");
    /** Messages that left the queue: the delivery rate's denominator. */
    private static final List<String> DISPATCHED = List.of("SENT", "DELIVERED", "FAILED");
    private static final String FREE_TEXT = "FREE_TEXT";
    private static final String MESSAGES = "messages";
    private static final String REPLIES = "replies";
    private static final String SESSIONS = "sessions";
    private static final String FAMILIES = "families";
    private static final String REACHED_FAMILIES = "REACHED";
    private static final String CHANNEL = "CHANNEL";
    private static final String STATUS = "STATUS";
    private static final String CAMPAIGN = "CAMPAIGN";
    private static final String REACH = "REACH";
    private static final String CAMPAIGN_REACH = "CAMPAIGN_REACH";
    private static final String YES = "YES";
    private static final String NO = "NO";
    private static final String OPT_OUT = "OPT_OUT";
    private static final String OTHER = "OTHER";
    private static final String ANSWERED = "ANSWERED";
    private static final String ANSWER = "ANSWER";
    private static final String ENROLLED = "ENROLLED";
    private static final String ATTENDED = "ATTENDED";
    private static final String ABSENT = "ABSENT";
    private static final String WAITING = "WAITING";

    private final MessageFacts messages;
    private final ReplyFacts replies;
    private final CampaignFacts campaigns;
    private final Territory territory;
    private final DisclosurePolicy disclosure;

    OutreachFigures(MessageFacts messages, ReplyFacts replies, CampaignFacts campaigns, Territory territory,
            DisclosurePolicy disclosure) {
        this.messages = messages;
        this.replies = replies;
        this.campaigns = campaigns;
        this.territory = territory;
        this.disclosure = disclosure;
    }

    /**
     * @param reached      messages sent or delivered
     * @param deliveryRate delivered among sent, delivered and failed; null unless those three counts are published
     * @param optOuts      replies that were a stop word
     */
    public record AreaFigures(String area, String name, String level, Cell messages, Map<String, Cell> byChannel,
            Map<String, Cell> byStatus, Double deliveryRate, Cell reached, Cell optOuts,
            List<CampaignFigures> campaigns, List<SessionFigures> sessions, FamilyFigures families) {
    }

    /**
     * Family members at home whose home is in the area: messages that reached them, places they hold in training
     * sessions and events (wherever run), those waiting, and those who came.
     *
     * @param attendanceRate attended among enrolled; null unless both counts are published
     */
    public record FamilyFigures(Cell reached, Cell enrolled, Cell waiting, Cell attended, Double attendanceRate) {
    }

    /**
     * A campaign's messages and reach in the area, and its answers by option ({@value #FREE_TEXT} for free text);
     * the answers to a survey's later questions under "2:YES", "3:FREE_TEXT" and so on.
     */
    public record CampaignFigures(String campaignId, String ownerArea, String kind, String status, Cell messages,
            Cell reached, Map<String, Cell> answers) {
    }

    /** @param attendanceRate attended among enrolled; null unless both counts are published */
    public record SessionFigures(String campaignId, String sessionId, String ownerArea, int capacity, Cell enrolled,
            Cell waiting, Cell attended, Double attendanceRate) {
    }

    public AreaFigures forArea(String areaCode, Actor planner) {
        TerritorialUnit area = AreaAccess.require(planner, territory, "area", areaCode);
        List<String> everywhere = territory.lowestLevelUnits();
        List<MessageCount> counts = messages.countsWithin(everywhere);
        ProtectedTable sent = disclosure.protect(messagesTable(counts));
        ProtectedTable replied = disclosure.protect(repliesTable(replies.countsWithin(everywhere)));
        Function<String, Cell> in = category -> sent.cell(TerritoryTable.key(MESSAGES, area.code(), category));

        Map<String, Cell> byStatus = sent.breakdown(area.code(), STATUS + "=");
        Double deliveryRate = null;
        boolean dispatchedShown = DISPATCHED.stream()
            .allMatch(status -> !byStatus.containsKey(status) || !byStatus.get(status).suppressed());
        if (dispatchedShown) {
            long dispatched = DISPATCHED.stream().mapToLong(status -> value(byStatus.get(status))).sum();
            deliveryRate = dispatched == 0 ? null : (double) value(byStatus.get("DELIVERED")) / dispatched;
        }
        List<String> campaignIds = counts.stream()
            .filter(count -> territory.isWithin(count.municipalityCode(), area.code()))
            .map(MessageCount::campaignId)
            .distinct()
            .sorted()
            .toList();
        Map<String, CampaignFact> facts = campaigns.campaigns(campaignIds);
        List<CampaignFigures> perCampaign = campaignIds.stream()
            .map(id -> {
                CampaignFact fact = facts.get(id);
                return new CampaignFigures(id, fact == null ? null : fact.ownerArea(),
                        fact == null ? null : fact.kind(), fact == null ? null : fact.status(),
                        in.apply(CAMPAIGN + "=" + id), in.apply(CAMPAIGN_REACH + "=" + id),
                        replied.breakdown(area.code(), answersOf(id)));
            })
            .toList();
        return new AreaFigures(area.code(), area.name(), area.level(), in.apply(TerritoryTable.TOTAL),
                sent.breakdown(area.code(), CHANNEL + "="), byStatus, deliveryRate,
                in.apply(REACH + "=" + YES), replied.cell(TerritoryTable.key(REPLIES, area.code(), OPT_OUT)),
                perCampaign, sessions(area), families(area, counts));
    }

    /**
     * The families table: per unit, messages that reached family members, and their places in sessions (attended
     * plus absent, never published) and on waiting lists, by their home, summed over every session.
     */
    private FamilyFigures families(TerritorialUnit area, List<MessageCount> counts) {
        TerritoryTable table = TerritoryTable.of(FAMILIES, territory)
            .sum(ENROLLED, List.of(ATTENDED, ABSENT))
            .hide(ABSENT);
        counts.stream()
            .filter(count -> count.recipientKind() == PersonKind.FAMILY_MEMBER && REACHED.contains(count.status()))
            .forEach(count -> table.add(count.municipalityCode(), REACHED_FAMILIES, count.messages()));
        campaigns.sessionsOwnedBy(territory.units().stream().map(TerritorialUnit::code).toList()).stream()
            .flatMap(session -> session.byHome().stream())
            .filter(home -> home.personKind() == PersonKind.FAMILY_MEMBER)
            .forEach(home -> table.add(home.municipalityCode(), ENROLLED, home.enrolled())
                .add(home.municipalityCode(), ATTENDED, home.attended())
                .add(home.municipalityCode(), ABSENT, (long) home.enrolled() - home.attended())
                .add(home.municipalityCode(), WAITING, home.waiting()));
        ProtectedTable cells = disclosure.protect(table.build());
        Function<String, Cell> in = category -> cells.cell(TerritoryTable.key(FAMILIES, area.code(), category));
        Cell enrolled = in.apply(ENROLLED);
        Cell attended = in.apply(ATTENDED);
        Double rate = enrolled.suppressed() || attended.suppressed() || value(enrolled) == 0 ? null
                : (double) value(attended) / value(enrolled);
        return new FamilyFigures(in.apply(REACHED_FAMILIES), enrolled, in.apply(WAITING), attended, rate);
    }

    /**
     * Messages in every unit by channel, status and campaign, and those that reached a person (sent or delivered),
     * in all and per campaign; those that did not are hidden.
     */
    private LinkedTable messagesTable(List<MessageCount> counts) {
        TerritoryTable table = TerritoryTable.of(MESSAGES, territory)
            .breakdown(TerritoryTable.TOTAL, CHANNEL + "=")
            .breakdown(TerritoryTable.TOTAL, STATUS + "=")
            .breakdown(TerritoryTable.TOTAL, CAMPAIGN + "=")
            .breakdown(TerritoryTable.TOTAL, REACH + "=")
            .breakdown(REACH + "=" + YES, CAMPAIGN_REACH + "=")
            .sum(REACH + "=" + YES, REACHED.stream().map(status -> STATUS + "=" + status).toList())
            .hide(REACH + "=" + NO);
        for (MessageCount count : counts) {
            String municipality = count.municipalityCode();
            boolean reached = REACHED.contains(count.status());
            table.add(municipality, TerritoryTable.TOTAL, count.messages())
                .add(municipality, CHANNEL + "=" + count.channel(), count.messages())
                .add(municipality, STATUS + "=" + count.status(), count.messages())
                .add(municipality, CAMPAIGN + "=" + count.campaignId(), count.messages())
                .add(municipality, REACH + "=" + (reached ? YES : NO), count.messages());
            if (reached) {
                table.add(municipality, CAMPAIGN_REACH + "=" + count.campaignId(), count.messages());
            }
        }
        return table.build();
    }

    /**
     * Opt-outs in every unit, and each campaign's answers by option; all replies, the other replies and each
     * campaign's answers together are hidden.
     */
    private LinkedTable repliesTable(List<ReplyCount> counts) {
        TerritoryTable table = TerritoryTable.of(REPLIES, territory)
            .sum(TerritoryTable.TOTAL, List.of(OPT_OUT, OTHER))
            .hide(TerritoryTable.TOTAL)
            .hide(OTHER);
        for (ReplyCount count : counts) {
            String municipality = count.municipalityCode();
            table.add(municipality, TerritoryTable.TOTAL, count.replies());
            if ("OPT_OUT".equals(count.kind())) {
                table.add(municipality, OPT_OUT, count.replies());
                continue;
            }
            table.add(municipality, OTHER, count.replies());
            if ("ANSWER".equals(count.kind())) {
                String answered = ANSWERED + ":" + count.campaignId();
                table.hide(answered)
                    .breakdown(answered, answersOf(count.campaignId()))
                    .add(municipality, answered, count.replies())
                    .add(municipality, answersOf(count.campaignId()) + answerKey(count), count.replies());
            }
        }
        return table.build();
    }

    private static String answersOf(String campaignId) {
        return ANSWER + ":" + campaignId + "=";
    }

    /** Training sessions: enrolled is attended plus absent (never published); the waiting list stands alone. */
    private List<SessionFigures> sessions(TerritorialUnit area) {
        List<SessionFact> all = campaigns.sessionsOwnedBy(territory.units().stream().map(TerritorialUnit::code)
            .toList());
        LinkedTable.Builder table = LinkedTable.builder(SESSIONS);
        for (SessionFact session : all) {
            String prefix = SESSIONS + "|" + session.sessionId() + "|";
            table.cell(prefix + ENROLLED, session.enrolled())
                .cell(prefix + ATTENDED, session.attended())
                .hiddenCell(prefix + ABSENT, (long) session.enrolled() - session.attended())
                .cell(prefix + WAITING, session.waiting())
                .relation(prefix + ENROLLED, List.of(prefix + ATTENDED, prefix + ABSENT));
        }
        ProtectedTable cells = disclosure.protect(table.build());
        return all.stream()
            .filter(session -> territory.isWithin(session.ownerArea(), area.code()))
            .map(session -> {
                String prefix = SESSIONS + "|" + session.sessionId() + "|";
                Cell enrolled = cells.cell(prefix + ENROLLED);
                Cell attended = cells.cell(prefix + ATTENDED);
                Double rate = enrolled.suppressed() || attended.suppressed() || value(enrolled) == 0 ? null
                        : (double) value(attended) / value(enrolled);
                return new SessionFigures(session.campaignId(), session.sessionId(), session.ownerArea(),
                        session.capacity(), enrolled, cells.cell(prefix + WAITING), attended, rate);
            })
            .toList();
    }

    private static long value(Cell cell) {
        return cell == null || cell.value() == null ? 0 : cell.value();
    }

    private static String answerKey(ReplyCount reply) {
        String answer = Objects.requireNonNullElse(reply.answer(), FREE_TEXT);
        return reply.question() == null || reply.question() == 1 ? answer : reply.question() + ":" + answer;
    }
}

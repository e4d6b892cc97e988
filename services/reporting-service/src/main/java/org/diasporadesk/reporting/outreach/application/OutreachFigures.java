package org.diasporadesk.reporting.outreach.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.SmallCellSuppression;
import org.diasporadesk.reporting.outreach.application.CampaignFacts.CampaignFact;
import org.diasporadesk.reporting.outreach.application.CampaignFacts.SessionFact;
import org.diasporadesk.reporting.outreach.application.MessageFacts.MessageCount;
import org.diasporadesk.reporting.outreach.application.ReplyFacts.ReplyCount;
import org.springframework.stereotype.Service;

/**
 * Outreach for an area: messages to people whose home is in it, by channel and status, the delivery rate, reach and
 * replies per campaign, opt-outs, and the training sessions that the area or an office below it runs, enrolment
 * against capacity and attendance. Every count goes through small-cell suppression together with the total it
 * adds up to; a rate is published only when the counts it is made of are, so that it gives nothing away.
 */
@Service
public class OutreachFigures {

    /** Messages that went out to a person: their phone or mailbox got them. */
    private static final List<String> REACHED = List.of("SENT", "DELIVERED");
    /** Messages that left the queue: the delivery rate's denominator. */
    private static final List<String> DISPATCHED = List.of("SENT", "DELIVERED", "FAILED");
    private static final String FREE_TEXT = "FREE_TEXT";

    private final MessageFacts messages;
    private final ReplyFacts replies;
    private final CampaignFacts campaigns;
    private final Territory territory;
    private final SmallCellSuppression suppression;

    OutreachFigures(MessageFacts messages, ReplyFacts replies, CampaignFacts campaigns, Territory territory,
            SmallCellSuppression suppression) {
        this.messages = messages;
        this.replies = replies;
        this.campaigns = campaigns;
        this.territory = territory;
        this.suppression = suppression;
    }

    /**
     * @param reached      messages sent or delivered
     * @param deliveryRate delivered among sent, delivered and failed; null unless those three counts are published
     * @param optOuts      replies that were a stop word
     */
    public record AreaFigures(String area, String name, String level, Cell messages, Map<String, Cell> byChannel,
            Map<String, Cell> byStatus, Double deliveryRate, Cell reached, Cell optOuts,
            List<CampaignFigures> campaigns, List<SessionFigures> sessions) {
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
        List<String> municipalities = territory.lowestLevelUnitsWithin(area.code());
        List<MessageCount> counts = messages.countsWithin(municipalities);
        List<ReplyCount> replyCounts = replies.countsWithin(municipalities);
        long total = counts.stream().mapToLong(MessageCount::messages).sum();

        Map<String, Cell> byStatus = breakdown(total, counts, MessageCount::status, MessageCount::messages);
        Double deliveryRate = null;
        boolean dispatchedShown = DISPATCHED.stream()
            .allMatch(status -> !byStatus.containsKey(status) || !byStatus.get(status).suppressed());
        if (dispatchedShown) {
            long dispatched = DISPATCHED.stream().mapToLong(status -> value(byStatus.get(status))).sum();
            deliveryRate = dispatched == 0 ? null : (double) value(byStatus.get("DELIVERED")) / dispatched;
        }
        long reached = sum(counts, count -> REACHED.contains(count.status()));
        long optOuts = replyCounts.stream().filter(reply -> "OPT_OUT".equals(reply.kind()))
            .mapToLong(ReplyCount::replies).sum();
        long allReplies = replyCounts.stream().mapToLong(ReplyCount::replies).sum();

        return new AreaFigures(area.code(), area.name(), area.level(), suppression.protect(total),
                breakdown(total, counts, MessageCount::channel, MessageCount::messages), byStatus, deliveryRate,
                suppression.protect(total, List.of(reached, total - reached)).parts().get(0),
                suppression.protect(allReplies, List.of(optOuts, allReplies - optOuts)).parts().get(0),
                perCampaign(counts, replyCounts), sessions(area));
    }

    private List<CampaignFigures> perCampaign(List<MessageCount> counts, List<ReplyCount> replyCounts) {
        Map<String, List<MessageCount>> byCampaign = counts.stream()
            .collect(Collectors.groupingBy(MessageCount::campaignId, TreeMap::new, Collectors.toList()));
        List<String> ids = List.copyOf(byCampaign.keySet());
        List<Long> messagesPer = ids.stream().map(id -> sum(byCampaign.get(id), count -> true)).toList();
        List<Long> reachedPer = ids.stream()
            .map(id -> sum(byCampaign.get(id), count -> REACHED.contains(count.status())))
            .toList();
        SmallCellSuppression.Protected messageCells = suppression.protect(
                messagesPer.stream().mapToLong(Long::longValue).sum(), messagesPer);
        SmallCellSuppression.Protected reachCells = suppression.protect(
                reachedPer.stream().mapToLong(Long::longValue).sum(), reachedPer);
        Map<String, CampaignFact> facts = campaigns.campaigns(ids);
        Map<String, List<ReplyCount>> answersByCampaign = replyCounts.stream()
            .filter(reply -> "ANSWER".equals(reply.kind()))
            .collect(Collectors.groupingBy(ReplyCount::campaignId));
        List<CampaignFigures> figures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            CampaignFact fact = facts.get(id);
            List<ReplyCount> answers = answersByCampaign.getOrDefault(id, List.of());
            long answered = answers.stream().mapToLong(ReplyCount::replies).sum();
            figures.add(new CampaignFigures(id, fact == null ? null : fact.ownerArea(),
                    fact == null ? null : fact.kind(), fact == null ? null : fact.status(), messageCells.parts().get(i),
                    reachCells.parts().get(i), breakdown(answered, answers,
                            OutreachFigures::answerKey, ReplyCount::replies)));
        }
        return figures;
    }

    private List<SessionFigures> sessions(TerritorialUnit area) {
        List<String> areasWithin = territory.units().stream()
            .map(TerritorialUnit::code)
            .filter(code -> territory.isWithin(code, area.code()))
            .toList();
        return campaigns.sessionsOwnedBy(areasWithin).stream()
            .map(session -> {
                SmallCellSuppression.Protected enrolment = suppression.protect(session.enrolled(),
                        List.of((long) session.attended(), (long) session.enrolled() - session.attended()));
                Cell attended = enrolment.parts().get(0);
                Double rate = enrolment.total().suppressed() || attended.suppressed() || session.enrolled() == 0 ? null
                        : (double) session.attended() / session.enrolled();
                return new SessionFigures(session.campaignId(), session.sessionId(), session.ownerArea(),
                        session.capacity(), enrolment.total(),
                        suppression.protect(session.waiting()), attended, rate);
            })
            .toList();
    }

    /** Counts per value of a dimension, protected together with their total. */
    private <T> Map<String, Cell> breakdown(long total, List<T> rows, Function<T, String> dimension,
            ToLongFunction<T> count) {
        return suppression.protect(total, rows.stream().collect(Collectors.groupingBy(dimension,
                Collectors.summingLong(count))));
    }

    private static long sum(List<MessageCount> counts, Predicate<MessageCount> which) {
        return counts.stream().filter(which).mapToLong(MessageCount::messages).sum();
    }

    private static long value(Cell cell) {
        return cell == null || cell.value() == null ? 0 : cell.value();
    }

    private static String answerKey(ReplyCount reply) {
        String answer = Objects.requireNonNullElse(reply.answer(), FREE_TEXT);
        return reply.question() == null || reply.question() == 1 ? answer : reply.question() + ":" + answer;
    }
}

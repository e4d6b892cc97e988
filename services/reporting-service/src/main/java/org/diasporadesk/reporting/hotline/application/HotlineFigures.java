package org.diasporadesk.reporting.hotline.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.SmallCellSuppression;
import org.springframework.stereotype.Service;

/**
 * Hotline volume for an area and the units directly below it: tickets by topic, priority, channel and status,
 * missed service-level targets, and first-response and resolution times in office hours. Counts go through small-cell
 * suppression like every figure; times are published only when at least k tickets have one, so that no time belongs
 * to a few callers.
 */
@Service
public class HotlineFigures {

    private final TicketFacts facts;
    private final CallFacts calls;
    private final Territory territory;
    private final SmallCellSuppression suppression;

    HotlineFigures(TicketFacts facts, CallFacts calls, Territory territory, SmallCellSuppression suppression) {
        this.facts = facts;
        this.calls = calls;
        this.territory = territory;
        this.suppression = suppression;
    }

    /**
     * Median and 90th percentile of office minutes from opening (the hotline's service-level clock: its office's
     * working hours, waits on the caller or a third party left out, as the targets are set); null values, and
     * suppressed, when from 1 to k-1 tickets have the time.
     */
    public record OfficeTimes(Long medianOfficeMinutes, Long p90OfficeMinutes, boolean suppressed) {
    }

    public record UnitFigures(String area, String name, String level, Cell tickets) {
    }

    /**
     * {@code serviceLevelBreaches}: tickets that missed their first-response or resolution target;
     * {@code referred}: tickets referred to a partner, and {@code referralOutcomes} what came of it (the latest
     * referral of each; PENDING until recorded); {@code firstResponse} and {@code resolution}: how long tickets
     * took in office time; {@code calls}: calls on the office lines, answered and missed. Escalated emergencies are the rows of the emergency topics in {@code byTopic}; a separate total of them
     * would let a suppressed emergency topic be worked out from the others, so there is none.
     */
    public record AreaFigures(String area, String name, String level, Cell tickets, Map<String, Cell> byTopic,
            Map<String, Cell> byPriority, Map<String, Cell> byChannel, Map<String, Cell> byStatus,
            Map<String, Cell> serviceLevelBreaches, Cell referred, Map<String, Cell> referralOutcomes,
            OfficeTimes firstResponse, OfficeTimes resolution, Map<String, Cell> calls, List<UnitFigures> below) {
    }

    public AreaFigures forArea(String areaCode, Actor planner) {
        TerritorialUnit area = AreaAccess.require(planner, territory, "area", areaCode);
        List<TicketFact> tickets = facts.within(territory.lowestLevelUnitsWithin(area.code()));
        long total = tickets.size();
        List<TerritorialUnit> children = territory.children(area.code());
        List<Long> perChild = children.stream()
            .map(child -> tickets.stream().filter(t -> territory.isWithin(t.municipalityCode(), child.code())).count())
            .toList();
        SmallCellSuppression.Protected byUnit = suppression.protect(total, perChild);
        List<UnitFigures> below = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            TerritorialUnit child = children.get(i);
            below.add(new UnitFigures(child.code(), child.name(), child.level(), byUnit.parts().get(i)));
        }
        return new AreaFigures(area.code(), area.name(), area.level(), byUnit.total(), breakdown(tickets, TicketFact::topic),
                breakdown(tickets, TicketFact::priority), breakdown(tickets, TicketFact::channel),
                breakdown(tickets, TicketFact::status), Map.of("RESPONSE", share(tickets, TicketFact::responseBreached),
                        "RESOLUTION", share(tickets, TicketFact::resolutionBreached)),
                share(tickets, ticket -> ticket.referralOutcome() != null),
                breakdown(tickets.stream().filter(ticket -> ticket.referralOutcome() != null).toList(),
                        TicketFact::referralOutcome),
                officeTimes(tickets, TicketFact::responseOfficeMinutes),
                officeTimes(tickets, TicketFact::resolutionOfficeMinutes), calls(area), below);
    }

    /** Counts per value, protected together with their total so that no small count can be worked out. */
    private Map<String, Cell> breakdown(List<TicketFact> tickets, Function<TicketFact, String> dimension) {
        return suppression.protect(tickets.size(),
                tickets.stream().collect(Collectors.groupingBy(dimension, Collectors.counting())));
    }

    /** How many tickets have a property, protected together with those that have not and the total. */
    private Cell share(List<TicketFact> tickets, java.util.function.Predicate<TicketFact> property) {
        long with = tickets.stream().filter(property).count();
        return suppression.protect(tickets.size(), List.of(with, tickets.size() - with)).parts().get(0);
    }

    /** Calls on the area's office lines, answered and missed, protected with their total. */
    private Map<String, Cell> calls(TerritorialUnit area) {
        CallFacts.Counts counts = calls.within(territory.lowestLevelUnitsWithin(area.code()));
        SmallCellSuppression.Protected cells = suppression.protect(counts.answered() + counts.missed(),
                List.of(counts.answered(), counts.missed()));
        return Map.of("ANSWERED", cells.parts().get(0), "MISSED", cells.parts().get(1));
    }

    private OfficeTimes officeTimes(List<TicketFact> tickets, Function<TicketFact, Long> time) {
        List<Long> minutes = tickets.stream()
            .map(time)
            .filter(java.util.Objects::nonNull)
            .sorted()
            .toList();
        if (minutes.size() < suppression.minimumCount()) {
            return new OfficeTimes(null, null, !minutes.isEmpty());
        }
        return new OfficeTimes(percentile(minutes, 50), percentile(minutes, 90), false);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}

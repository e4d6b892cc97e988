package org.diasporadesk.reporting.hotline.application;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.disclosure.DisclosurePolicy;
import org.diasporadesk.reporting.disclosure.LinkedTable;
import org.diasporadesk.reporting.disclosure.ProtectedTable;
import org.diasporadesk.reporting.disclosure.TerritoryTable;
import org.springframework.stereotype.Service;

/**
 * Hotline volume for an area and the units directly below it: tickets by topic, priority, channel and status,
 * missed service-level targets, and first-response and resolution times in office hours. Counts go through the
 * disclosure policy as one table over the whole territory; times are published only when at least k tickets have
 * one, so that no time belongs to a few callers.
 */
@Service
public class HotlineFigures {

    private static final String TICKETS = "tickets";
    private static final String CALLS = "calls";
    private static final String TOPIC = "TOPIC";
    private static final String PRIORITY = "PRIORITY";
    private static final String CHANNEL = "CHANNEL";
    private static final String STATUS = "STATUS";
    private static final String RESPONSE_BREACHED = "RESPONSE_BREACHED";
    private static final String RESOLUTION_BREACHED = "RESOLUTION_BREACHED";
    private static final String REFERRED = "REFERRED";
    private static final String OUTCOME = "OUTCOME";
    private static final String YES = "YES";
    private static final String NO = "NO";
    private static final String ANSWERED = "ANSWERED";
    private static final String MISSED = "MISSED";

    private final TicketFacts facts;
    private final CallFacts calls;
    private final Territory territory;
    private final DisclosurePolicy disclosure;

    HotlineFigures(TicketFacts facts, CallFacts calls, Territory territory, DisclosurePolicy disclosure) {
        this.facts = facts;
        this.calls = calls;
        this.territory = territory;
        this.disclosure = disclosure;
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
        List<TicketFact> all = facts.within(territory.lowestLevelUnits());
        ProtectedTable tickets = disclosure.protect(ticketsTable(all));
        ProtectedTable calls = disclosure.protect(callsTable());
        Function<String, Cell> ticketsIn = category -> tickets.cell(TerritoryTable.key(TICKETS, area.code(), category));
        Function<String, Map<String, Cell>> by = dimension -> tickets.breakdown(area.code(), dimension + "=");
        List<UnitFigures> below = territory.children(area.code()).stream()
            .map(child -> new UnitFigures(child.code(), child.name(), child.level(),
                    tickets.cell(TerritoryTable.key(TICKETS, child.code(), TerritoryTable.TOTAL))))
            .toList();
        List<TicketFact> within = all.stream().filter(t -> territory.isWithin(t.municipalityCode(), area.code()))
            .toList();
        return new AreaFigures(area.code(), area.name(), area.level(), ticketsIn.apply(TerritoryTable.TOTAL),
                by.apply(TOPIC), by.apply(PRIORITY), by.apply(CHANNEL), by.apply(STATUS),
                Map.of("RESPONSE", ticketsIn.apply(RESPONSE_BREACHED + "=" + YES),
                        "RESOLUTION", ticketsIn.apply(RESOLUTION_BREACHED + "=" + YES)),
                ticketsIn.apply(REFERRED + "=" + YES), by.apply(OUTCOME),
                officeTimes(within, TicketFact::responseOfficeMinutes),
                officeTimes(within, TicketFact::resolutionOfficeMinutes),
                Map.of("ANSWERED", calls.cell(TerritoryTable.key(CALLS, area.code(), ANSWERED)),
                        "MISSED", calls.cell(TerritoryTable.key(CALLS, area.code(), MISSED))),
                below);
    }

    /**
     * Tickets in every unit by topic, priority, channel and status, those that missed a target or were referred
     * (those that did not are hidden: only their sum with the others is known), and referrals by outcome.
     */
    private LinkedTable ticketsTable(List<TicketFact> all) {
        TerritoryTable table = TerritoryTable.of(TICKETS, territory);
        for (String dimension : List.of(TOPIC, PRIORITY, CHANNEL, STATUS, RESPONSE_BREACHED, RESOLUTION_BREACHED,
                REFERRED)) {
            table.breakdown(TerritoryTable.TOTAL, dimension + "=");
        }
        table.breakdown(REFERRED + "=" + YES, OUTCOME + "=");
        for (String dimension : List.of(RESPONSE_BREACHED, RESOLUTION_BREACHED, REFERRED)) {
            table.hide(dimension + "=" + NO);
        }
        for (TicketFact ticket : all) {
            String municipality = ticket.municipalityCode();
            table.add(municipality, TerritoryTable.TOTAL, 1)
                .add(municipality, TOPIC + "=" + ticket.topic(), 1)
                .add(municipality, PRIORITY + "=" + ticket.priority(), 1)
                .add(municipality, CHANNEL + "=" + ticket.channel(), 1)
                .add(municipality, STATUS + "=" + ticket.status(), 1)
                .add(municipality, RESPONSE_BREACHED + "=" + (ticket.responseBreached() ? YES : NO), 1)
                .add(municipality, RESOLUTION_BREACHED + "=" + (ticket.resolutionBreached() ? YES : NO), 1)
                .add(municipality, REFERRED + "=" + (ticket.referralOutcome() != null ? YES : NO), 1);
            if (ticket.referralOutcome() != null) {
                table.add(municipality, OUTCOME + "=" + ticket.referralOutcome(), 1);
            }
        }
        return table.build();
    }

    /** Calls on the office lines, answered and missed; all calls together are never published. */
    private LinkedTable callsTable() {
        TerritoryTable table = TerritoryTable.of(CALLS, territory).hide(TerritoryTable.TOTAL)
            .sum(TerritoryTable.TOTAL, List.of(ANSWERED, MISSED));
        calls.byMunicipality(territory.lowestLevelUnits()).forEach((municipality, counts) -> table
            .add(municipality, TerritoryTable.TOTAL, counts.answered() + counts.missed())
            .add(municipality, ANSWERED, counts.answered())
            .add(municipality, MISSED, counts.missed()));
        return table.build();
    }

    private OfficeTimes officeTimes(List<TicketFact> tickets, Function<TicketFact, Long> time) {
        List<Long> minutes = tickets.stream()
            .map(time)
            .filter(java.util.Objects::nonNull)
            .sorted()
            .toList();
        if (minutes.size() < disclosure.minimumCount()) {
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

package org.diasporadesk.reporting.migrants.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.projection.AppliedEvents;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.diasporadesk.reporting.projection.LogSpan;
import org.diasporadesk.reporting.projection.LoggedEvent;
import org.springframework.stereotype.Service;

/**
 * Applies the registry's household snapshots, exactly once in effect, many consecutive records of a partition at
 * a time (a poll, or a replay's batch): the counters change by the differences between each household's held
 * snapshot and the newer ones, then the newest are held. Six round trips to the store for the whole span.
 *
 * <p>Counters and profiles are separate documents and neither store offers a transaction over them, so the order
 * matters: the counters first, each guarded by the offset of the last record it took in, then the profiles, as a
 * compare-and-set on the sequence that was read. A failure between the two leaves the old profiles held, so the
 * records delivered again compute the same differences, of which each counter adds only those of records it has
 * not taken in, and the profiles are stored. A snapshot no newer than what is held (a redelivery or an overtaken
 * event) changes nothing. The one writer of a household is the consumer of its partition; should another write it
 * in between (a consumer that lost the partition and has not noticed yet), a compare-and-set fails and the records
 * are retried, and a replay repairs the counters.
 */
@Service
public class RegistryStatistics {

    private final HouseholdProfiles profiles;
    private final MigrantCounters counters;
    private final AppliedEvents appliedEvents;

    RegistryStatistics(HouseholdProfiles profiles, MigrantCounters counters, AppliedEvents appliedEvents) {
        this.profiles = profiles;
        this.counters = counters;
        this.appliedEvents = appliedEvents;
    }

    /** Applies consumed records and announces what changed; the ones already applied are counted as duplicates. */
    public void apply(List<LoggedEvent<HouseholdStatisticsRecorded>> events, LogSpan records) {
        List<Boolean> applied = applyAll(events, records);
        for (int i = 0; i < events.size(); i++) {
            appliedEvents.handled(events.get(i).event().envelope(), applied.get(i), FiguresChanged.MIGRANTS);
        }
    }

    /**
     * Applies consecutive records of one partition, in their order, without announcing them (a replay).
     *
     * @return per event, whether it changed anything
     */
    public List<Boolean> applyAll(List<LoggedEvent<HouseholdStatisticsRecorded>> events, LogSpan records) {
        Map<String, HouseholdProfile> held = profiles.findAll(events.stream()
            .map(event -> event.event().envelope().subject()).distinct().toList());
        Map<String, HouseholdProfile> current = new HashMap<>(held);
        Map<String, HouseholdProfile> newest = new LinkedHashMap<>();
        CountChanges changes = new CountChanges();
        List<Boolean> applied = new ArrayList<>(events.size());
        for (LoggedEvent<HouseholdStatisticsRecorded> event : events) {
            HouseholdProfile next = profileOf(event);
            HouseholdProfile before = current.get(next.householdId());
            if (before != null && before.sequence() >= next.sequence()) {
                applied.add(false);
                continue;
            }
            changes.add(next, event.offset());
            if (before != null) {
                changes.remove(before, event.offset());
            }
            current.put(next.householdId(), next);
            newest.put(next.householdId(), next);
            applied.add(true);
        }
        counters.add(changes, records);
        profiles.replaceAll(held, newest.values());
        return applied;
    }

    private static HouseholdProfile profileOf(LoggedEvent<HouseholdStatisticsRecorded> logged) {
        HouseholdStatisticsRecorded snapshot = logged.event().payload();
        return new HouseholdProfile(logged.event().envelope().subject(), logged.event().envelope().sequence(),
                snapshot.municipalityCode(), snapshot.recordedOn(), snapshot.migrants());
    }
}

package org.diasporadesk.reporting.migrants.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.projection.AppliedEvents;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.diasporadesk.reporting.projection.LogSpan;
import org.springframework.stereotype.Service;

/**
 * Applies the registry's household snapshots, exactly once in effect: the counters change by the difference
 * between the household's held snapshot and the newer one, then the newer one is held.
 *
 * <p>Counters and profile are two documents and neither store offers a transaction over both, so the order
 * matters: the counters first, guarded by the record's offset, then the profile, as a compare-and-set on the
 * sequence that was read. A failure between the two leaves the old profile held, so the record delivered again
 * computes the same difference, which the counters refuse as already taken in, and stores the profile. A snapshot
 * the profile already has (a redelivery or an overtaken event) changes nothing. The one writer of a household is
 * the consumer of its partition; should another write it in between (a consumer that lost the partition and has
 * not noticed yet), the compare-and-set fails and the record is retried, and a replay repairs the counters.
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

    public void apply(ReceivedEvent<HouseholdStatisticsRecorded> event, LogSpan record) {
        HouseholdProfile next = profileOf(event);
        Optional<HouseholdProfile> held = profiles.find(next.householdId());
        if (held.isPresent() && held.get().sequence() >= next.sequence()) {
            appliedEvents.handled(event.envelope(), false, FiguresChanged.MIGRANTS);
            return;
        }
        CountChanges changes = new CountChanges().add(next);
        held.ifPresent(changes::remove);
        counters.add(changes, record);
        if (!profiles.replace(held.orElse(null), next)) {
            throw new IllegalStateException("household " + next.householdId() + " was written by another consumer "
                    + "while this one applied " + record + "; the record is retried");
        }
        appliedEvents.handled(event.envelope(), true, FiguresChanged.MIGRANTS);
    }

    /**
     * Applies consecutive records of one partition at once, as a replay does: only each household's newest
     * snapshot among them matters, the counters change once by the sum of the differences, and the profiles are
     * stored together: six round trips to the store for the whole span, as for a single record.
     */
    public void applyAll(List<ReceivedEvent<HouseholdStatisticsRecorded>> events, LogSpan records) {
        Map<String, HouseholdProfile> newest = new LinkedHashMap<>();
        for (ReceivedEvent<HouseholdStatisticsRecorded> event : events) {
            newest.merge(event.envelope().subject(), profileOf(event),
                    (kept, next) -> next.sequence() > kept.sequence() ? next : kept);
        }
        Map<String, HouseholdProfile> held = profiles.findAll(newest.keySet());
        newest.values().removeIf(next -> held.containsKey(next.householdId())
                && held.get(next.householdId()).sequence() >= next.sequence());
        CountChanges changes = new CountChanges();
        for (HouseholdProfile next : newest.values()) {
            changes.add(next);
            Optional.ofNullable(held.get(next.householdId())).ifPresent(changes::remove);
        }
        counters.add(changes, records);
        profiles.replaceAll(held, newest.values());
    }

    private static HouseholdProfile profileOf(ReceivedEvent<HouseholdStatisticsRecorded> event) {
        HouseholdStatisticsRecorded snapshot = event.payload();
        return new HouseholdProfile(event.envelope().subject(), event.envelope().sequence(),
                snapshot.municipalityCode(), snapshot.recordedOn(), snapshot.migrants());
    }
}

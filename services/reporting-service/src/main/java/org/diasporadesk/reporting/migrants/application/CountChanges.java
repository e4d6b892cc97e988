package org.diasporadesk.reporting.migrants.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.diasporadesk.reporting.migrants.application.MigrantCounters.Counts;

/**
 * What applying household snapshots changes in the counters: the new snapshots added, the ones they replace taken
 * away, per municipality and per day of recording and municipality. A changed destination moves a migrant
 * between cells; a household that moved is taken from one municipality and added to the other. Changes that
 * cancel out are left out, so an unchanged snapshot touches no counter.
 */
public final class CountChanges {

    /** The households recorded on a day in a municipality. */
    public record RecordedDay(LocalDate day, String municipalityCode) {
    }

    private final Map<String, MigrantTally> municipalities = new HashMap<>();
    private final Map<RecordedDay, Counts> days = new HashMap<>();

    public CountChanges add(HouseholdProfile profile) {
        return change(profile, 1);
    }

    public CountChanges remove(HouseholdProfile profile) {
        return change(profile, -1);
    }

    private CountChanges change(HouseholdProfile profile, int sign) {
        MigrantTally household = MigrantTally.ofHousehold(profile.migrants());
        municipalities.merge(profile.municipalityCode(), sign > 0 ? household : MigrantTally.NONE.minus(household),
                MigrantTally::plus);
        Counts counts = new Counts(sign * household.migrants(), sign * household.households());
        days.merge(new RecordedDay(profile.recordedOn(), profile.municipalityCode()), counts, Counts::plus);
        return this;
    }

    /** Per municipality, what its tally changes by. */
    public Map<String, MigrantTally> municipalities() {
        Map<String, MigrantTally> changed = new HashMap<>(municipalities);
        changed.values().removeIf(MigrantTally::isZero);
        return changed;
    }

    /** Per day of recording and municipality, what its counts change by. */
    public Map<RecordedDay, Counts> days() {
        Map<RecordedDay, Counts> changed = new HashMap<>(days);
        changed.values().removeIf(Counts.ZERO::equals);
        return changed;
    }
}

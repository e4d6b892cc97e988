package org.diasporadesk.reporting.migrants.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.diasporadesk.reporting.migrants.application.MigrantCounters.Counts;

/**
 * What applying household snapshots changes in the counters: the new snapshots added, the ones they replace taken
 * away, per municipality and per day of recording and municipality. A changed destination moves a migrant
 * between cells; a household that moved is taken from one municipality and added to the other.
 *
 * <p>Each change is kept with the offset of the record that brought it, so that a counter which took in part of
 * the records already (a poll delivered again, cut differently) adds only the changes of the records after the
 * last one it took in.
 */
public final class CountChanges {

    /** The households recorded on a day in a municipality. */
    public record RecordedDay(LocalDate day, String municipalityCode) {
    }

    private final Map<String, NavigableMap<Long, MigrantTally>> municipalities = new HashMap<>();
    private final Map<RecordedDay, NavigableMap<Long, Counts>> days = new HashMap<>();

    /** The record at {@code offset} brings this snapshot. */
    public CountChanges add(HouseholdProfile profile, long offset) {
        return change(profile, 1, offset);
    }

    /** The record at {@code offset} replaces this snapshot. */
    public CountChanges remove(HouseholdProfile profile, long offset) {
        return change(profile, -1, offset);
    }

    private CountChanges change(HouseholdProfile profile, int sign, long offset) {
        MigrantTally household = MigrantTally.ofHousehold(profile.migrants());
        municipalities.computeIfAbsent(profile.municipalityCode(), code -> new TreeMap<>())
            .merge(offset, sign > 0 ? household : MigrantTally.NONE.minus(household), MigrantTally::plus);
        days.computeIfAbsent(new RecordedDay(profile.recordedOn(), profile.municipalityCode()), day -> new TreeMap<>())
            .merge(offset, new Counts(sign * household.migrants(), sign * household.households()), Counts::plus);
        return this;
    }

    /** The municipalities whose tally any of the records changes (possibly by nothing, all added up). */
    public Set<String> municipalities() {
        return municipalities.keySet();
    }

    /**
     * What a municipality's tally changes by through the records after {@code takenIn}.
     *
     * @param takenIn the offset of the last record a counter took in already; null: none
     */
    public MigrantTally municipality(String municipalityCode, Long takenIn) {
        return after(municipalities.get(municipalityCode), takenIn).values().stream()
            .reduce(MigrantTally.NONE, MigrantTally::plus);
    }

    /** The days of recording, per municipality, whose counts any of the records changes. */
    public Set<RecordedDay> days() {
        return days.keySet();
    }

    /** What the counts of a day of recording change by through the records after {@code takenIn} (null: all). */
    public Counts day(RecordedDay day, Long takenIn) {
        return after(days.get(day), takenIn).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    private static <V> Map<Long, V> after(NavigableMap<Long, V> byOffset, Long takenIn) {
        if (byOffset == null) {
            return Map.of();
        }
        return takenIn == null ? byOffset : byOffset.tailMap(takenIn, false);
    }
}

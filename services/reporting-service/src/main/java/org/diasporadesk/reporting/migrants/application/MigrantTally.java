package org.diasporadesk.reporting.migrants.application;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * Counts of migrants (with consent to statistics) and of their households, with the migrants broken down by each
 * dimension: what one household adds to its municipality, or what a municipality holds. Tallies add up and can be
 * negative, as the difference between a household's old and new snapshot.
 */
public record MigrantTally(long migrants, long households, Map<Dimension, Map<String, Long>> migrantsBy) {

    /** The value a breakdown files a migrant under when the registry does not know it. */
    public static final String UNKNOWN = "UNKNOWN";

    public static final MigrantTally NONE = new MigrantTally(0, 0, Map.of());

    /** What migrants can be broken down by. */
    public enum Dimension {
        DESTINATION_COUNTRY, SEX, AGE_BAND, LIFECYCLE_STAGE
    }

    public MigrantTally {
        Map<Dimension, Map<String, Long>> copy = new EnumMap<>(Dimension.class);
        migrantsBy.forEach((dimension, counts) -> copy.put(dimension, Map.copyOf(counts)));
        migrantsBy = Map.copyOf(copy);
    }

    /** A household's migrants; the household counts only if one of them consented to statistics. */
    public static MigrantTally ofHousehold(List<MigrantProfile> migrants) {
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        for (MigrantProfile migrant : migrants) {
            for (Dimension dimension : Dimension.values()) {
                by.computeIfAbsent(dimension, ignored -> new TreeMap<>()).merge(valueOf(migrant, dimension), 1L,
                        Long::sum);
            }
        }
        return new MigrantTally(migrants.size(), migrants.isEmpty() ? 0 : 1, by);
    }

    private static String valueOf(MigrantProfile migrant, Dimension dimension) {
        return switch (dimension) {
            case DESTINATION_COUNTRY -> migrant.destinationCountry() == null ? UNKNOWN : migrant.destinationCountry();
            case SEX -> migrant.sex().name();
            case AGE_BAND -> migrant.ageBand().name();
            case LIFECYCLE_STAGE -> migrant.lifecycleStage().name();
        };
    }

    public MigrantTally plus(MigrantTally other) {
        return combine(other, 1);
    }

    public MigrantTally minus(MigrantTally other) {
        return combine(other, -1);
    }

    /** Migrants per value of a dimension, leaving out values that count none. */
    public Map<String, Long> by(Dimension dimension) {
        Map<String, Long> counts = new TreeMap<>(migrantsBy.getOrDefault(dimension, Map.of()));
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    public boolean isZero() {
        return migrants == 0 && households == 0
                && migrantsBy.values().stream().allMatch(counts -> counts.values().stream().allMatch(c -> c == 0));
    }

    private MigrantTally combine(MigrantTally other, int sign) {
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<String, Long> counts = new TreeMap<>(migrantsBy.getOrDefault(dimension, Map.of()));
            other.migrantsBy.getOrDefault(dimension, Map.of()).forEach((value, count) -> counts.merge(value,
                    sign * count, Long::sum));
            counts.values().removeIf(count -> count == 0);
            if (!counts.isEmpty()) {
                by.put(dimension, counts);
            }
        }
        return new MigrantTally(migrants + sign * other.migrants, households + sign * other.households, by);
    }
}

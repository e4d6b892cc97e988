package org.diasporadesk.reporting.migrants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;

/** The registry's household snapshots as it publishes them, for tests that feed reporting. */
public final class HouseholdSnapshots {

    public static final String TYPE = EventType.HOUSEHOLD_STATISTICS_RECORDED_V1.typeName();

    private HouseholdSnapshots() {
    }

    /** A household recorded today with this many migrants, all alike (women of 25 to 34 abroad in Italy). */
    public static EventEnvelope snapshot(String household, long sequence, String municipality, int migrants) {
        return snapshot(household, sequence, municipality, LocalDate.now(), migrants);
    }

    public static EventEnvelope snapshot(String household, long sequence, String municipality, LocalDate recordedOn,
            int migrants) {
        List<MigrantProfile> profiles = IntStream.range(0, migrants)
            .mapToObj(i -> new MigrantProfile(Sex.FEMALE, AgeBand.FROM_25_TO_34, "IT", LifecycleStage.ABROAD))
            .toList();
        return envelope(household, sequence, municipality, EventCodec.encode(
                new HouseholdStatisticsRecorded(municipality, recordedOn, profiles)));
    }

    /** A household recorded today with these migrants, each profile as many times as its count. */
    public static EventEnvelope household(String household, long sequence, String municipality,
            Map<MigrantProfile, Integer> migrants) {
        List<MigrantProfile> profiles = migrants.entrySet().stream()
            .flatMap(entry -> Collections.nCopies(entry.getValue(), entry.getKey()).stream())
            .toList();
        return envelope(household, sequence, municipality, EventCodec.encode(
                new HouseholdStatisticsRecorded(municipality, LocalDate.now(), profiles)));
    }

    public static EventEnvelope envelope(String household, long sequence, String municipality, byte[] data) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/diaspora-desk/registry-service", TYPE, Instant.now(),
                household, municipality, sequence, data);
    }
}

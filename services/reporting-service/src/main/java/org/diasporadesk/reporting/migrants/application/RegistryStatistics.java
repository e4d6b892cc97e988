package org.diasporadesk.reporting.migrants.application;

import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.projection.AppliedEvents;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.stereotype.Service;

/** Applies the registry's household snapshots to the projection, exactly once in effect. */
@Service
public class RegistryStatistics {

    private final HouseholdProfiles profiles;
    private final AppliedEvents appliedEvents;

    RegistryStatistics(HouseholdProfiles profiles, AppliedEvents appliedEvents) {
        this.profiles = profiles;
        this.appliedEvents = appliedEvents;
    }

    public void apply(ReceivedEvent<HouseholdStatisticsRecorded> event) {
        HouseholdStatisticsRecorded snapshot = event.payload();
        boolean stored = profiles.storeIfNewer(new HouseholdProfile(event.envelope().subject(),
                event.envelope().sequence(), snapshot.municipalityCode(), snapshot.recordedOn(), snapshot.migrants()));
        appliedEvents.handled(event.envelope(), stored, FiguresChanged.MIGRANTS);
    }
}

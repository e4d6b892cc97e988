package org.diasporadesk.reporting.migrants.application;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Applies the registry's household snapshots to the projection, exactly once in effect. */
@Service
public class RegistryStatistics {

    private final HouseholdProfiles profiles;
    private final EventReceiver receiver;
    private final ApplicationEventPublisher changes;

    RegistryStatistics(HouseholdProfiles profiles, EventReceiver receiver, ApplicationEventPublisher changes) {
        this.profiles = profiles;
        this.receiver = receiver;
        this.changes = changes;
    }

    public void apply(ReceivedEvent<HouseholdStatisticsRecorded> event) {
        HouseholdStatisticsRecorded snapshot = event.payload();
        boolean stored = profiles.storeIfNewer(new HouseholdProfile(event.envelope().subject(),
                event.envelope().sequence(), snapshot.municipalityCode(), snapshot.recordedOn(), snapshot.migrants()));
        if (stored) {
            changes.publishEvent(FiguresChanged.MIGRANTS);
        }
        else {
            receiver.skippedDuplicate(event.envelope());
        }
    }
}

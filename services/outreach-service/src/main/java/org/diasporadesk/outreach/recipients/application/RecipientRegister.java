package org.diasporadesk.outreach.recipients.application;

import java.util.Map;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.springframework.stereotype.Service;

/** Keeps the reachable migrants from registry events and tells coordinators how many they can reach. */
@Service
public class RecipientRegister {

    private final Recipients recipients;
    private final Territory territory;
    private final EventReceiver receiver;

    RecipientRegister(Recipients recipients, Territory territory, EventReceiver receiver) {
        this.recipients = recipients;
        this.territory = territory;
        this.receiver = receiver;
    }

    public record Reach(String area, long recipients, Map<String, Long> byLanguage) {
    }

    public void apply(ReceivedEvent<HouseholdSnapshot> event) {
        HouseholdSnapshot household = event.payload();
        boolean anyStored = false;
        boolean anyConsenting = false;
        for (HouseholdRegistered.Migrant migrant : household.migrants()) {
            if (!migrant.consent().outreach()) {
                continue; // without consent, outreach never holds the person's data at all
            }
            anyConsenting = true;
            anyStored |= recipients.storeIfNewer(new Recipient(migrant.migrantId(), household.householdId(),
                    event.envelope().sequence(), household.municipalityCode(),
                    migrant.nameLatin() != null ? migrant.nameLatin() : migrant.givenName(), migrant.preferredLanguage(),
                    migrant.destinationCountry(), migrant.destinationCity(), migrant.phones(), migrant.email()));
        }
        if (anyConsenting && !anyStored) {
            receiver.skippedDuplicate(event.envelope());
        }
    }

    public Reach reach(String areaCode, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", areaCode);
        Map<String, Long> byLanguage = recipients.countByLanguage(territory.lowestLevelUnitsWithin(areaCode));
        return new Reach(areaCode, byLanguage.values().stream().mapToLong(Long::longValue).sum(), byLanguage);
    }
}

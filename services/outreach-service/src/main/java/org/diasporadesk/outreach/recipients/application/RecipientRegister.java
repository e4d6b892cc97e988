package org.diasporadesk.outreach.recipients.application;

import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
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

    public void apply(ReceivedEvent<PeopleEvent> event) {
        long sequence = event.envelope().sequence();
        if (event.payload() instanceof HouseholdSnapshot household) {
            // Without consent, outreach never holds the person's data at all; withdrawn consent deletes it.
            List<Recipient> consenting = household.migrants().stream()
                .filter(migrant -> migrant.consent().outreach())
                .map(migrant -> new Recipient(migrant.migrantId(), household.householdId(), sequence,
                        household.municipalityCode(),
                        migrant.nameLatin() != null ? migrant.nameLatin() : migrant.givenName(),
                        migrant.preferredLanguage(), migrant.destinationCountry(), migrant.destinationCity(),
                        migrant.phones(), migrant.email()))
                .toList();
            if (!recipients.replaceHousehold(household.householdId(), sequence, consenting)) {
                receiver.skippedDuplicate(event.envelope());
            }
        }
        else if (event.payload() instanceof MigrantErased erased) {
            forget(erased.householdId(), erased.migrantId(), erased.householdErased(), sequence);
        }
        else if (event.payload() instanceof MigrantsMerged merged) {
            // The surviving record's household snapshot brings the person back under the surviving id.
            forget(merged.householdId(), merged.migrantId(), merged.householdEmptied(), sequence);
        }
    }

    private void forget(String householdId, String migrantId, boolean householdGone, long sequence) {
        recipients.erase(migrantId);
        if (householdGone) {
            recipients.replaceHousehold(householdId, sequence, List.of());
        }
    }

    public Reach reach(String areaCode, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", areaCode);
        Map<String, Long> byLanguage = recipients.countByLanguage(territory.lowestLevelUnitsWithin(areaCode));
        return new Reach(areaCode, byLanguage.values().stream().mapToLong(Long::longValue).sum(), byLanguage);
    }
}

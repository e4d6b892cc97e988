package org.diasporadesk.outreach.recipients.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
import org.springframework.stereotype.Service;

/** Keeps the reachable migrants from registry events and tells coordinators how many they can reach. */
@Service
public class RecipientRegister {

    private final Recipients recipients;
    private final OptOuts optOuts;
    private final Territory territory;
    private final EventReceiver receiver;
    private final Clock clock;

    RecipientRegister(Recipients recipients, OptOuts optOuts, Territory territory, EventReceiver receiver,
            Clock clock) {
        this.recipients = recipients;
        this.optOuts = optOuts;
        this.territory = territory;
        this.receiver = receiver;
        this.clock = clock;
    }

    public record Reach(String area, long recipients, Map<String, Long> byLanguage) {
    }

    public void apply(ReceivedEvent<PeopleEvent> event) {
        long sequence = event.envelope().sequence();
        if (event.payload() instanceof HouseholdSnapshot household) {
            // Without consent, outreach never holds the person's data at all; withdrawn consent deletes it.
            List<Recipient> consenting = household.migrants().stream()
                .filter(migrant -> migrant.consent().outreach() ? !optOuts.pending(migrant.migrantId())
                        : settled(migrant.migrantId()))
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

    /**
     * The migrant asked for no more messages (a STOP reply, a call): outreach forgets them at once and tells the
     * registry, which withdraws the consent.
     */
    public void optOut(String migrantId, String how, Actor coordinator) {
        Recipient recipient = recipients.find(migrantId)
            .filter(found -> coordinator.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("recipient", migrantId));
        optOuts.record(new RecipientOptedOut(recipient.householdId(), migrantId, recipient.municipalityCode(),
                how == null || how.isBlank() ? null : how.strip(), clock.instant()));
        recipients.erase(migrantId);
    }

    /** Without consent the migrant is not a recipient; a pending opt-out of theirs is now settled. */
    private boolean settled(String migrantId) {
        if (optOuts.pending(migrantId)) {
            optOuts.settle(migrantId);
        }
        return false;
    }

    public Reach reach(String areaCode, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", areaCode);
        Map<String, Long> byLanguage = recipients.countByLanguage(territory.lowestLevelUnitsWithin(areaCode));
        return new Reach(areaCode, byLanguage.values().stream().mapToLong(Long::longValue).sum(), byLanguage);
    }
}

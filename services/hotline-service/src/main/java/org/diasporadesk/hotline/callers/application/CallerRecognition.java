package org.diasporadesk.hotline.callers.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.time.DestinationTimeZones;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
import org.springframework.stereotype.Service;

/**
 * Tells a hotline agent who is calling: every registry person at the caller's number, within the agent's
 * office area. Several candidates are all shown; the agent decides, nothing is guessed.
 */
@Service
public class CallerRecognition {

    private final CallerDirectory directory;
    private final PhoneNumbers phoneNumbers;
    private final Territory territory;
    private final EventReceiver receiver;
    private final DestinationTimeZones timeZones;

    CallerRecognition(CallerDirectory directory, PhoneNumbers phoneNumbers, Territory territory, EventReceiver receiver,
            DestinationTimeZones timeZones) {
        this.directory = directory;
        this.phoneNumbers = phoneNumbers;
        this.territory = territory;
        this.receiver = receiver;
        this.timeZones = timeZones;
    }

    public record Recognition(String phone, List<KnownCaller> candidates) {
    }

    /** @param rawPhone as the telephone system or the agent typed it; national numbers are taken as home-country */
    public Recognition recognise(String rawPhone, Actor agent) {
        String e164 = phoneNumbers.toE164(rawPhone, territory.country(), "phone");
        return new Recognition(e164, directory.callersAt(e164).stream()
            .filter(caller -> agent.covers(caller.municipalityCode(), territory))
            .toList());
    }

    public void apply(ReceivedEvent<PeopleEvent> event) {
        if (event.payload() instanceof HouseholdSnapshot) {
            applyHouseholds(List.of(event));
        }
        else if (event.payload() instanceof MigrantErased erased) {
            forget(erased.householdId(), erased.migrantId(), erased.householdErased(), event.envelope().sequence());
        }
        else if (event.payload() instanceof FamilyMemberErased erased) {
            directory.erasePerson(erased.householdId(), erased.familyMemberId());
        }
        else if (event.payload() instanceof MigrantsMerged merged) {
            // The surviving record's household snapshot brings the person back under the surviving id.
            forget(merged.householdId(), merged.migrantId(), merged.householdEmptied(), event.envelope().sequence());
        }
    }

    /**
     * Household snapshots, a poll's worth at once: each household's callers replace what the directory held for it.
     * Of several snapshots of one household the last counts; one the directory has seen already is a redelivery.
     */
    public void applyHouseholds(List<ReceivedEvent<PeopleEvent>> snapshots) {
        Map<String, ReceivedEvent<PeopleEvent>> latest = new LinkedHashMap<>();
        snapshots.forEach(event -> latest.put(((HouseholdSnapshot) event.payload()).householdId(), event));
        List<CallerDirectory.HouseholdCallers> households = latest.values().stream()
            .map(event -> callers((HouseholdSnapshot) event.payload(), event.envelope().sequence()))
            .toList();
        directory.replaceHouseholds(households).forEach(skipped -> receiver.skippedDuplicate(latest.get(skipped)
            .envelope()));
    }

    /**
     * The numbers an erasure of the person (a migrant or a family member, or of the whole household) reaches; read
     * before it is applied.
     */
    public List<String> phonesOf(String householdId, String personId, boolean householdErased) {
        return directory.phonesOf(householdId, personId, householdErased);
    }

    /** A person the erasure ledger says was erased, back from a backup: forgotten again. */
    public void forgetAgain(ErasureRecorded entry) {
        if (entry.householdErased()) {
            directory.eraseHousehold(entry.householdId());
        }
        else {
            directory.erasePerson(entry.householdId(), entry.migrantId());
        }
    }

    private void forget(String householdId, String migrantId, boolean householdGone, long sequence) {
        if (householdGone) {
            // Nobody is left in the household: its informants go with it.
            directory.replaceHousehold(householdId, sequence, Map.of());
        }
        else {
            directory.erasePerson(householdId, migrantId);
        }
    }

    private CallerDirectory.HouseholdCallers callers(HouseholdSnapshot household, long sequence) {
        Map<String, List<KnownCaller>> byPhone = new LinkedHashMap<>();
        for (HouseholdRegistered.Migrant migrant : household.migrants()) {
            if (!migrant.consent().hotline()) {
                continue;
            }
            KnownCaller caller = new KnownCaller(KnownCaller.Kind.MIGRANT, displayName(migrant), null,
                    household.householdId(), migrant.migrantId(), household.municipalityCode(),
                    timeZones.of(migrant.destinationCountry(), migrant.destinationCity()).orElse(null), null, null);
            migrant.phones().forEach(phone -> byPhone.computeIfAbsent(phone, key -> new ArrayList<>()).add(caller));
        }
        // What a family member may call about: the household's migrants who let the hotline know of them.
        List<String> migrants = household.migrants().stream()
            .filter(migrant -> migrant.consent().hotline())
            .map(migrant -> displayName(migrant) + (migrant.destinationCountry() == null ? ""
                    : ", " + migrant.destinationCountry()))
            .toList();
        for (HouseholdRegistered.Informant informant : household.informants()) {
            // Every family member with a number stays known, whatever their consent to hotline contact: an erasure of
            // the household finds their calls and tickets through these numbers.
            if (informant.phone() != null) {
                byPhone.computeIfAbsent(informant.phone(), key -> new ArrayList<>())
                    .add(new KnownCaller(KnownCaller.Kind.INFORMANT, informant.name(), informant.relation(),
                            household.householdId(), null, household.municipalityCode(),
                            timeZones.of(territory.country(), null).orElse(null), informant.familyMemberId(),
                            migrants));
            }
        }
        return new CallerDirectory.HouseholdCallers(household.householdId(), sequence, byPhone);
    }

    private static String displayName(HouseholdRegistered.Migrant migrant) {
        String local = String.join(" ", nonNull(migrant.givenName()), nonNull(migrant.familyName())).trim();
        if (migrant.nameLatin() == null || migrant.nameLatin().isBlank()) {
            return local;
        }
        return local.isEmpty() ? migrant.nameLatin() : local + " (" + migrant.nameLatin() + ")";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

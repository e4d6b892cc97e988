package org.diasporadesk.registry.household.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * A household in the home community and the migrants its family reported: the registry's aggregate.
 * Every change returns the new state with the events it causes ({@link HouseholdChange}).
 */
public record Household(String id, String municipalityCode, String locality, List<Informant> informants,
        List<Migrant> migrants, Provenance provenance, Instant registeredAt) {

    public Household {
        informants = List.copyOf(informants);
        migrants = List.copyOf(migrants);
        if (migrants.isEmpty()) {
            throw new IllegalArgumentException("a household is registered with at least one migrant");
        }
    }

    /**
     * Registers a household. Two facts follow: the personal record for the services that contact people,
     * and the household's statistical profile for planners.
     */
    public static HouseholdChange register(String id, String municipalityCode, String locality,
            List<Informant> informants, List<Migrant> migrants, Provenance provenance, Instant now) {
        Household household = new Household(id, municipalityCode, locality, informants, migrants, provenance, now);
        return new HouseholdChange(household, List.of(household.registered(), household.statistics(now)));
    }

    /**
     * Adds migrants reported later (another row of an import, say). Migrants already in the household (same
     * id) are left as they are, so adding the same migrant twice changes nothing and causes no event.
     */
    public HouseholdChange addMigrants(List<Migrant> reported, Instant now) {
        Set<String> known = migrants.stream().map(Migrant::migrantId).collect(Collectors.toSet());
        List<Migrant> added = reported.stream().filter(migrant -> !known.contains(migrant.migrantId())).toList();
        if (added.isEmpty()) {
            return new HouseholdChange(this, List.of());
        }
        List<Migrant> all = new ArrayList<>(migrants);
        all.addAll(added);
        Household updated = new Household(id, municipalityCode, locality, informants, all, provenance, registeredAt);
        HouseholdRegistered snapshot = updated.registered();
        return new HouseholdChange(updated, List.of(new HouseholdUpdated(id, municipalityCode, locality,
                snapshot.informants(), snapshot.migrants(), snapshot.provenance()), updated.statistics(now)));
    }

    private HouseholdRegistered registered() {
        return new HouseholdRegistered(id, municipalityCode, locality,
                informants.stream()
                    .map(informant -> new HouseholdRegistered.Informant(informant.name(), informant.relation(),
                            informant.phone()))
                    .toList(),
                migrants.stream().map(Household::registeredMigrant).toList(),
                new HouseholdRegistered.Provenance(provenance.collectedBy(), provenance.informantName(),
                        provenance.collectedOn()));
    }

    /** The PII-free profile: only migrants who consented to statistics, with age bands instead of birth years. */
    HouseholdStatisticsRecorded statistics(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new HouseholdStatisticsRecorded(municipalityCode, today, migrants.stream()
            .filter(migrant -> migrant.consent().statistics())
            .map(migrant -> new MigrantProfile(migrant.sex(), AgeBand.of(migrant.birthYear(), today.getYear()),
                    migrant.destinationCountry(), migrant.lifecycleStage()))
            .toList());
    }

    private static HouseholdRegistered.Migrant registeredMigrant(Migrant migrant) {
        Consent consent = migrant.consent();
        return new HouseholdRegistered.Migrant(migrant.migrantId(), migrant.givenName(), migrant.familyName(),
                migrant.nameLatin(), migrant.sex(), migrant.birthYear(), migrant.destinationCountry(),
                migrant.destinationCity(), migrant.departureYear(), migrant.lifecycleStage(),
                migrant.preferredLanguage(), migrant.phones(), migrant.email(),
                new HouseholdRegistered.Consent(consent.hotline(), consent.outreach(), consent.statistics()));
    }
}

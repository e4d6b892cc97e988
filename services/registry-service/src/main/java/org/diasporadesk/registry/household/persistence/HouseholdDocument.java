package org.diasporadesk.registry.household.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.chassis.outbox.Outbox;
import org.diasporadesk.registry.household.domain.ErasedMigrant;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.MergedMigrant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.MigrantHistoryEntry;
import org.diasporadesk.registry.household.domain.Provenance;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household's state and its unpublished events, stored together so that one write holds both.
 * {@code nameTokens} and {@code phones} gather what search filters on across the household's migrants (folded
 * name tokens, E.164 numbers); they are derived from {@code migrants} on every write. {@code erased},
 * {@code merged} and {@code history} are part of the household's state, so a change and its history are one write.
 */
@Document(HouseholdDocument.COLLECTION)
record HouseholdDocument(@Id String id, String municipalityCode, String locality, List<Informant> informants,
        List<Migrant> migrants, Provenance provenance, Instant registeredAt, List<String> nameTokens,
        List<String> phones, List<ErasedMigrant> erased, List<MergedMigrant> merged, List<MigrantHistoryEntry> history,
        Outbox outbox,
        @Version Long version) {

    static final String COLLECTION = "households";

    Household household() {
        return new Household(id, municipalityCode, locality, identified(), migrants, provenance, registeredAt, erased,
                merged, history, version);
    }

    /**
     * Family members stored before they had ids of their own get one derived from the household and their place in
     * it, the same at every read until the household's next write keeps it.
     */
    private List<Informant> identified() {
        List<Informant> family = informants == null ? List.of() : informants;
        return java.util.stream.IntStream.range(0, family.size())
            .mapToObj(i -> family.get(i).familyMemberId() != null ? family.get(i)
                    : family.get(i).withId(UUID.nameUUIDFromBytes((id + "/family/" + i)
                        .getBytes(StandardCharsets.UTF_8)).toString()))
            .toList();
    }
}

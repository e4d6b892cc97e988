package org.diasporadesk.registry.matching.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.matching.application.MatchKeyIndex.Holder;
import org.diasporadesk.registry.matching.domain.MatchKey;
import org.diasporadesk.registry.matching.domain.MatchKeys;
import org.diasporadesk.registry.matching.domain.MatchReason;
import org.springframework.stereotype.Service;

/**
 * Finds likely duplicates of newly registered migrants among everyone registered before, in every
 * municipality, by match keys only; and indexes the new migrants for the registrations that follow.
 */
@Service
public class DuplicateDetection {

    private final MatchKeys matchKeys;
    private final MatchKeyIndex index;
    private final Territory territory;

    DuplicateDetection(MatchKeys matchKeys, MatchKeyIndex index, Territory territory) {
        this.matchKeys = matchKeys;
        this.index = index;
        this.territory = territory;
    }

    /**
     * @param lookupHousehold reads a household of the officer's own municipality, to show its candidate in full
     */
    public List<PossibleDuplicate> findFor(Household household,
            Function<String, Optional<Household>> lookupHousehold) {
        List<PossibleDuplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < household.migrants().size(); i++) {
            Migrant migrant = household.migrants().get(i);
            Map<String, MatchReason> reasonByKey = new LinkedHashMap<>();
            for (MatchKey key : matchKeys.lookupKeys(migrant)) {
                reasonByKey.put(key.value(), key.reason());
            }
            Map<Holder, Set<MatchReason>> candidates = new LinkedHashMap<>();
            index.holders(reasonByKey.keySet()).forEach((key, holders) -> holders.forEach(holder -> candidates
                .computeIfAbsent(holder, h -> EnumSet.noneOf(MatchReason.class)).add(reasonByKey.get(key))));
            candidates.keySet().removeIf(holder -> holder.householdId().equals(household.id()));
            if (!candidates.isEmpty()) {
                PossibleDuplicate described = describe(i, migrant, household.municipalityCode(), candidates,
                        lookupHousehold);
                // A key may outlive its record for a moment (an erasure between two writes): nobody to show.
                if (!described.inYourMunicipality().isEmpty() || !described.inOtherOffices().isEmpty()) {
                    duplicates.add(described);
                }
            }
        }
        return duplicates;
    }

    /**
     * For a batch (a bulk import): how many of the households' migrants may duplicate someone registered
     * before, with one index lookup for the whole batch. Details are for registration, where an officer waits.
     */
    public int countPossibleDuplicates(List<Household> batch) {
        Map<String, Set<String>> keysByMigrant = new LinkedHashMap<>();
        Map<String, String> householdOfMigrant = new LinkedHashMap<>();
        for (Household household : batch) {
            for (Migrant migrant : household.migrants()) {
                keysByMigrant.put(migrant.migrantId(), matchKeys.lookupKeys(migrant).stream().map(MatchKey::value)
                    .collect(Collectors.toSet()));
                householdOfMigrant.put(migrant.migrantId(), household.id());
            }
        }
        Set<String> allKeys = new HashSet<>();
        keysByMigrant.values().forEach(allKeys::addAll);
        Map<String, List<Holder>> holders = index.holders(allKeys);
        int count = 0;
        for (Map.Entry<String, Set<String>> migrant : keysByMigrant.entrySet()) {
            String ownHousehold = householdOfMigrant.get(migrant.getKey());
            boolean duplicate = migrant.getValue().stream()
                .flatMap(key -> holders.getOrDefault(key, List.of()).stream())
                .anyMatch(holder -> !holder.householdId().equals(ownHousehold));
            count += duplicate ? 1 : 0;
        }
        return count;
    }

    /** Indexes a batch of households in one round trip. */
    public void indexAll(List<Household> batch) {
        Map<String, List<Holder>> holdersByKey = new LinkedHashMap<>();
        for (Household household : batch) {
            for (Migrant migrant : household.migrants()) {
                Holder holder = new Holder(migrant.migrantId(), household.id(), household.municipalityCode());
                for (MatchKey key : matchKeys.indexKeys(migrant)) {
                    holdersByKey.computeIfAbsent(key.value(), k -> new ArrayList<>()).add(holder);
                }
            }
        }
        index.addAll(holdersByKey);
    }

    public void index(Household household) {
        for (Migrant migrant : household.migrants()) {
            index.add(matchKeys.indexKeys(migrant).stream().map(MatchKey::value).toList(),
                    new Holder(migrant.migrantId(), household.id(), household.municipalityCode()));
        }
    }

    /** After a correction: the migrant's old keys no longer lead to them, the new ones do. */
    public void reindex(Household household, Migrant before, Migrant after) {
        index.remove(keyValues(matchKeys.indexKeys(before)), before.migrantId());
        index.add(keyValues(matchKeys.indexKeys(after)),
                new Holder(after.migrantId(), household.id(), household.municipalityCode()));
    }

    /** After an erasure: no key leads to the migrant any more. */
    public void forget(Migrant erased) {
        index.remove(keyValues(matchKeys.indexKeys(erased)), erased.migrantId());
    }

    private static List<String> keyValues(List<MatchKey> keys) {
        return keys.stream().map(MatchKey::value).toList();
    }

    private PossibleDuplicate describe(int index, Migrant migrant, String ownMunicipality,
            Map<Holder, Set<MatchReason>> candidates,
            Function<String, Optional<Household>> lookupHousehold) {
        List<PossibleDuplicate.SameOffice> same = new ArrayList<>();
        Map<String, Set<MatchReason>> otherOffices = new TreeMap<>();
        candidates.forEach((holder, reasons) -> {
            if (holder.municipalityCode().equals(ownMunicipality)) {
                lookupHousehold.apply(holder.householdId())
                    .flatMap(found -> found.migrants().stream()
                        .filter(candidate -> candidate.migrantId().equals(holder.migrantId())).findFirst())
                    .ifPresent(candidate -> same.add(new PossibleDuplicate.SameOffice(holder.householdId(),
                            candidate.migrantId(), displayName(candidate), candidate.birthYear(), reasons)));
            }
            else {
                otherOffices.computeIfAbsent(holder.municipalityCode(), code -> EnumSet.noneOf(MatchReason.class))
                    .addAll(reasons);
            }
        });
        List<PossibleDuplicate.OtherOffice> others = otherOffices.entrySet().stream()
            .map(entry -> new PossibleDuplicate.OtherOffice(entry.getKey(),
                    territory.unit(entry.getKey()).map(TerritorialUnit::name).orElse(entry.getKey()), entry.getValue()))
            .toList();
        return new PossibleDuplicate(index, migrant.migrantId(), same, others);
    }

    private static String displayName(Migrant migrant) {
        String local = (nonNull(migrant.givenName()) + " " + nonNull(migrant.familyName())).trim();
        return migrant.nameLatin() == null ? local : (local.isEmpty() ? migrant.nameLatin()
                : local + " (" + migrant.nameLatin() + ")");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

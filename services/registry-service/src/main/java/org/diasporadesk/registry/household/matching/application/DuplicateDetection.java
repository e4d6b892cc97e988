package org.diasporadesk.registry.household.matching.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.application.MatchKeyIndex.Holder;
import org.diasporadesk.registry.household.matching.domain.DuplicateCandidate;
import org.diasporadesk.registry.household.matching.domain.MatchEvidence;
import org.diasporadesk.registry.household.matching.domain.MatchKey;
import org.diasporadesk.registry.household.matching.domain.MatchKeys;
import org.springframework.stereotype.Service;

/**
 * Finds likely duplicates of newly registered, imported or corrected migrants among everyone registered before, in
 * every municipality, and puts them in the duplicate review queue; indexes the migrants for the registrations that
 * follow. The match keys find candidates; {@link MatchEvidence} weighs each on both whole records, and only pairs
 * at its threshold are flagged.
 */
@Service
public class DuplicateDetection {

    private final MatchKeys matchKeys;
    private final MatchKeyIndex index;
    private final DuplicateCandidates candidates;
    private final Territory territory;
    private final Clock clock;

    DuplicateDetection(MatchKeys matchKeys, MatchKeyIndex index, DuplicateCandidates candidates, Territory territory,
            Clock clock) {
        this.matchKeys = matchKeys;
        this.index = index;
        this.candidates = candidates;
        this.territory = territory;
        this.clock = clock;
    }

    /**
     * Flags the possible duplicates of a household just registered, for the officer who waits for the answer.
     *
     * @param households reads households by id, whichever office holds them: the evidence is weighed here, and
     *                   only the officer's own municipality's candidates are shown in full
     */
    public List<PossibleDuplicate> findFor(Household household,
            Function<Collection<String>, Map<String, Household>> households) {
        Found found = find(subjects(List.of(household)), households, null);
        List<DuplicateCandidate> flagged = candidates.recordNew(found.pairs());
        // The candidates' households as they were weighed, read once.
        Map<String, Household> shown = found.households();
        List<PossibleDuplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < household.migrants().size(); i++) {
            String migrantId = household.migrants().get(i).migrantId();
            List<PossibleDuplicate.SameOffice> same = new ArrayList<>();
            List<PossibleDuplicate.OtherOffice> others = new ArrayList<>();
            for (DuplicateCandidate candidate : flagged) {
                if (!candidate.later().migrantId().equals(migrantId)) {
                    continue;
                }
                DuplicateCandidate.Record earlier = candidate.earlier();
                if (earlier.municipalityCode().equals(household.municipalityCode())) {
                    Migrant held = shown.get(earlier.householdId()).migrant(earlier.migrantId()).orElseThrow();
                    same.add(new PossibleDuplicate.SameOffice(candidate.id(), candidate.score(), earlier.householdId(),
                            earlier.migrantId(), displayName(held), held.birthYear(), candidate.reasons()));
                }
                else {
                    others.add(new PossibleDuplicate.OtherOffice(candidate.id(), candidate.score(),
                            earlier.municipalityCode(), municipalityName(earlier.municipalityCode()),
                            candidate.reasons()));
                }
            }
            if (!same.isEmpty() || !others.isEmpty()) {
                duplicates.add(new PossibleDuplicate(i, migrantId, same, others));
            }
        }
        return duplicates;
    }

    /**
     * Flags the possible duplicates of a batch of an import, with one index lookup and one read of the candidates'
     * households for the whole batch. The batch must be indexed already, so that two records of the same person
     * within it also find each other.
     *
     * @return how many of the batch's migrants were flagged
     */
    public long review(List<Household> batch, Function<Collection<String>, Map<String, Household>> households,
            String importJobId) {
        return candidates.recordNew(find(subjects(batch), households, importJobId).pairs()).stream()
            .map(candidate -> candidate.later().migrantId())
            .distinct()
            .count();
    }

    /**
     * After a correction or a merge: the migrant is indexed under their keys as they now stand and weighed again
     * against everyone. Pairs already decided stay decided.
     */
    public void recheck(Household household, Migrant before, Migrant after,
            Function<Collection<String>, Map<String, Household>> households) {
        index.remove(keyValues(matchKeys.indexKeys(before)), before.migrantId());
        index.add(keyValues(matchKeys.indexKeys(after)),
                new Holder(after.migrantId(), household.id(), household.municipalityCode()));
        candidates.recordNew(find(List.of(new Subject(household, after)), households, null).pairs());
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
        indexAll(List.of(household));
    }

    /** After an erasure: no key leads to the migrant any more, and no candidate pair names them. */
    public void forget(Migrant erased) {
        index.remove(keyValues(matchKeys.indexKeys(erased)), erased.migrantId());
        candidates.forget(erased.migrantId());
    }

    /** After a merge: the duplicate answers to no key, and its open pairs close; the survivor is rechecked. */
    public void merged(Migrant duplicate) {
        index.remove(keyValues(matchKeys.indexKeys(duplicate)), duplicate.migrantId());
        candidates.closeOpen(duplicate.migrantId(), clock.instant());
    }

    /** A migrant to check, in the household as it now stands. */
    private record Subject(Household household, Migrant migrant) {
    }

    private static List<Subject> subjects(List<Household> households) {
        return households.stream()
            .flatMap(household -> household.migrants().stream().map(migrant -> new Subject(household, migrant)))
            .toList();
    }

    /** Flagged pairs, and the households read to weigh them (the subjects' own included). */
    private record Found(List<DuplicateCandidate> pairs, Map<String, Household> households) {
    }

    /** The flagged pairs of the subjects with anyone else, each pair once. */
    private Found find(List<Subject> subjects,
            Function<Collection<String>, Map<String, Household>> households, String importJobId) {
        Map<String, Set<String>> keysByMigrant = new LinkedHashMap<>();
        Set<String> allKeys = new HashSet<>();
        for (Subject subject : subjects) {
            Set<String> keys = new HashSet<>(keyValues(matchKeys.lookupKeys(subject.migrant())));
            keysByMigrant.put(subject.migrant().migrantId(), keys);
            allKeys.addAll(keys);
        }
        Map<String, List<Holder>> holders = allKeys.isEmpty() ? Map.of() : index.holders(allKeys);
        Map<String, Household> known = new LinkedHashMap<>();
        subjects.forEach(subject -> known.put(subject.household().id(), subject.household()));
        Set<String> toRead = new HashSet<>();
        holders.values().forEach(list -> list.stream().map(Holder::householdId).filter(id -> !known.containsKey(id))
            .forEach(toRead::add));
        if (!toRead.isEmpty()) {
            known.putAll(households.apply(toRead));
        }
        Map<String, DuplicateCandidate> found = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            Household household = subject.household();
            Set<Holder> seen = new HashSet<>();
            for (String key : keysByMigrant.get(subject.migrant().migrantId())) {
                for (Holder holder : holders.getOrDefault(key, List.of())) {
                    if (holder.householdId().equals(household.id()) || !seen.add(holder)) {
                        continue;
                    }
                    weigh(household, subject.migrant(), holder, known.get(holder.householdId()), importJobId)
                        .ifPresent(candidate -> found.putIfAbsent(candidate.id(), candidate));
                }
            }
        }
        return new Found(List.copyOf(found.values()), known);
    }

    /** A key may outlive its record for a moment (an erasure between two writes): then there is nobody to weigh. */
    private Optional<DuplicateCandidate> weigh(Household household, Migrant migrant, Holder holder,
            Household holderHousehold, String importJobId) {
        if (holderHousehold == null) {
            return Optional.empty();
        }
        return holderHousehold.migrant(holder.migrantId())
            .map(other -> MatchEvidence.of(holderHousehold, other, household, migrant))
            .filter(MatchEvidence::flagged)
            .map(evidence -> DuplicateCandidate.found(
                    new DuplicateCandidate.Record(holderHousehold.id(), holder.migrantId(),
                            holderHousehold.municipalityCode()),
                    new DuplicateCandidate.Record(household.id(), migrant.migrantId(), household.municipalityCode()),
                    evidence, importJobId, clock.instant()));
    }

    String municipalityName(String code) {
        return territory.unit(code).map(TerritorialUnit::name).orElse(code);
    }

    private static List<String> keyValues(List<MatchKey> keys) {
        return keys.stream().map(MatchKey::value).toList();
    }

    /** The name as an officer reads it: the local script, and the Latin name beside it when both are known. */
    public static String displayName(Migrant migrant) {
        String local = (nonNull(migrant.givenName()) + " " + nonNull(migrant.familyName())).trim();
        return migrant.nameLatin() == null ? local : (local.isEmpty() ? migrant.nameLatin()
                : local + " (" + migrant.nameLatin() + ")");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

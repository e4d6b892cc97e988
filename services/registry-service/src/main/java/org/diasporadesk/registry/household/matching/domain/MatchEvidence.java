package org.diasporadesk.registry.household.matching.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;

/**
 * The evidence that two records are the same person, and its score. The match keys find candidates cheaply; this
 * weighs each candidate on the whole of both records, so that only pairs worth an officer's time are flagged.
 *
 * @param reasons what the records share and where they disagree (reasons with a negative weight)
 */
public record MatchEvidence(int score, Set<MatchReason> reasons) {

    /** Points from which a pair is flagged for review. */
    public static final int THRESHOLD = 8;

    public MatchEvidence {
        reasons = Set.copyOf(reasons);
    }

    public boolean flagged() {
        return score >= THRESHOLD;
    }

    /** Weighs the migrant {@code a} of household {@code householdA} against {@code b} of {@code householdB}. */
    public static MatchEvidence of(Household householdA, Migrant a, Household householdB, Migrant b) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (a.phones().stream().anyMatch(b.phones()::contains)) {
            reasons.add(MatchReason.SAME_PHONE);
        }
        name(a, b, reasons);
        if (a.birthYear() != null && b.birthYear() != null) {
            int apart = Math.abs(a.birthYear() - b.birthYear());
            reasons.add(apart == 0 ? MatchReason.SAME_BIRTH_YEAR
                    : apart == 1 ? MatchReason.NEAR_BIRTH_YEAR : MatchReason.BIRTH_YEARS_APART);
        }
        if (a.destinationCountry() != null && b.destinationCountry() != null) {
            reasons.add(a.destinationCountry().equals(b.destinationCountry()) ? MatchReason.SAME_DESTINATION
                    : MatchReason.OTHER_DESTINATION);
        }
        List<String> phonesAtHome = informantPhones(householdA);
        if (informantPhones(householdB).stream().anyMatch(phonesAtHome::contains)) {
            reasons.add(MatchReason.SAME_INFORMANT_PHONE);
        }
        return new MatchEvidence(reasons.stream().mapToInt(MatchReason::weight).sum(), reasons);
    }

    /**
     * Compares the names as written in the local script and in Latin letters, each folded to its words: two records
     * share a name when any spelling of the one has the words of any spelling of the other, since a family's Latin
     * spelling and the romanisation of its Georgian spelling differ now and then (Lordkipanidze, Lortkipanidze).
     */
    private static void name(Migrant a, Migrant b, Set<MatchReason> reasons) {
        List<Set<String>> namesA = names(a);
        List<Set<String>> namesB = names(b);
        if (namesA.isEmpty() || namesB.isEmpty()) {
            return;
        }
        if (namesA.stream().anyMatch(namesB::contains)) {
            reasons.add(MatchReason.SAME_NAME);
        }
        else if (namesA.stream().anyMatch(x -> namesB.stream().anyMatch(y -> x.containsAll(y) || y.containsAll(x)))) {
            reasons.add(MatchReason.SIMILAR_NAME);
        }
        else {
            reasons.add(MatchReason.OTHER_NAME);
        }
    }

    private static List<Set<String>> names(Migrant migrant) {
        String local = (migrant.givenName() == null ? "" : migrant.givenName()) + " "
                + (migrant.familyName() == null ? "" : migrant.familyName());
        return Stream.of(local, migrant.nameLatin())
            .map(name -> (Set<String>) new TreeSet<>(NameFolding.tokens(name)))
            .filter(words -> !words.isEmpty())
            .toList();
    }

    private static List<String> informantPhones(Household household) {
        return household.informants().stream().map(Informant::phone).filter(Objects::nonNull).toList();
    }
}

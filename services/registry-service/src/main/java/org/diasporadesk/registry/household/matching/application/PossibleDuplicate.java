package org.diasporadesk.registry.household.matching.application;

import java.util.List;
import java.util.Set;

import org.diasporadesk.registry.household.matching.domain.MatchReason;

/**
 * What an officer learns about a possible duplicate of a migrant just registered: the full record when it is
 * in the officer's own municipality, otherwise only which office may hold the same person. Each is a candidate
 * of the office's duplicate review queue ({@code /duplicate-candidates/{candidateId}}).
 *
 * @param migrantIndex position of the new migrant in the registration request
 */
public record PossibleDuplicate(int migrantIndex, String migrantId, List<SameOffice> inYourMunicipality,
        List<OtherOffice> inOtherOffices) {

    public record SameOffice(String candidateId, int score, String householdId, String migrantId, String name,
            Integer birthYear, Set<MatchReason> reasons) {
    }

    /** Nothing about the person: the office to contact and why the records may match. */
    public record OtherOffice(String candidateId, int score, String municipalityCode, String municipalityName,
            Set<MatchReason> reasons) {
    }
}

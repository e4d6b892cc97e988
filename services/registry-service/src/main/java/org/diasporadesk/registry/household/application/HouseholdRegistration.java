package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.OutOfScopeException;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.application.DuplicateDetection;
import org.diasporadesk.registry.household.matching.application.PossibleDuplicate;
import org.springframework.stereotype.Service;

/** Registering households and reading them back, within the officer's municipality. */
@Service
public class HouseholdRegistration {

    private final HouseholdStore store;
    private final Territory territory;
    private final MigrantNormalizer normalizer;
    private final DuplicateDetection duplicates;
    private final AuditTrail audit;
    private final Clock clock;

    HouseholdRegistration(HouseholdStore store, Territory territory, MigrantNormalizer normalizer,
            DuplicateDetection duplicates, AuditTrail audit, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.normalizer = normalizer;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A registered household, the migrants elsewhere in the registry who may be the same people, and the doubts
     * about what was kept (a number outside the ranges known to be in use), each naming its field.
     */
    public record Registration(Household household, List<PossibleDuplicate> possibleDuplicates,
            List<FieldWarning> warnings) {
    }

    /** A value kept with a doubt, for the officer to confirm. */
    public record FieldWarning(String field, String value, String message) {
    }

    public Registration register(RegisterHousehold command, Actor actor) {
        if (!territory.isLowestLevelUnit(command.municipalityCode())) {
            throw new InvalidFieldException("municipalityCode", "'" + command.municipalityCode()
                    + "' is not a municipality of " + territory.country() + "; GET /territory lists the codes");
        }
        if (!actor.covers(command.municipalityCode(), territory)) {
            throw new OutOfScopeException("municipalityCode", command.municipalityCode());
        }
        List<Informant> informants = new ArrayList<>();
        for (int i = 0; i < command.informants().size(); i++) {
            try {
                informants.add(normalizer.informant(command.informants().get(i), UUID.randomUUID().toString()));
            }
            catch (InvalidFieldException ex) {
                throw new InvalidFieldException("informants[" + i + "]." + ex.field(), ex.getMessage());
            }
        }
        List<Migrant> migrants = new ArrayList<>();
        for (int i = 0; i < command.migrants().size(); i++) {
            try {
                migrants.add(normalizer.migrant(command.migrants().get(i), UUID.randomUUID().toString()));
            }
            catch (InvalidFieldException ex) {
                throw new InvalidFieldException("migrants[" + i + "]." + ex.field(), ex.getMessage());
            }
        }
        HouseholdChange change = Household.register(UUID.randomUUID().toString(), command.municipalityCode(),
                command.locality(), informants, migrants, command.provenance(), clock.instant());
        store.insert(change);
        Household household = change.household();
        List<PossibleDuplicate> possibleDuplicates = duplicates.findFor(household, store::findAll);
        duplicates.index(household);
        return new Registration(household, possibleDuplicates, warnings(household));
    }

    private List<FieldWarning> warnings(Household household) {
        List<FieldWarning> warnings = new ArrayList<>();
        for (int i = 0; i < household.informants().size(); i++) {
            String phone = household.informants().get(i).phone();
            if (phone != null && !normalizer.inAssignedRange(phone)) {
                warnings.add(new FieldWarning("informants[" + i + "].phone", phone,
                        MigrantNormalizer.OUTSIDE_ASSIGNED_RANGES));
            }
        }
        for (int i = 0; i < household.migrants().size(); i++) {
            List<String> phones = household.migrants().get(i).phones();
            for (int p = 0; p < phones.size(); p++) {
                if (!normalizer.inAssignedRange(phones.get(p))) {
                    warnings.add(new FieldWarning("migrants[" + i + "].phones[" + p + "]", phones.get(p),
                            MigrantNormalizer.OUTSIDE_ASSIGNED_RANGES));
                }
            }
        }
        return warnings;
    }

    public Household find(String id, Actor actor, String purpose) {
        // Another municipality's household answers exactly like a missing one: its existence is not disclosed.
        Household household = store.find(id)
            .filter(found -> !found.vacated() && actor.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("household", id));
        audit.recordRead(actor, "read household", List.of(household.id()), purpose);
        return household;
    }

}

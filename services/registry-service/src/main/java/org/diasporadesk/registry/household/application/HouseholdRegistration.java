package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.diasporadesk.chassis.phone.PhoneNumbers;
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
import org.diasporadesk.registry.matching.application.DuplicateDetection;
import org.diasporadesk.registry.matching.application.PossibleDuplicate;
import org.springframework.stereotype.Service;

/** Registering households and reading them back, within the officer's municipality. */
@Service
public class HouseholdRegistration {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final HouseholdStore store;
    private final Territory territory;
    private final PhoneNumbers phones;
    private final DuplicateDetection duplicates;
    private final AuditTrail audit;
    private final Clock clock;

    HouseholdRegistration(HouseholdStore store, Territory territory, PhoneNumbers phones, DuplicateDetection duplicates,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.phones = phones;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registered household and the migrants elsewhere in the registry who may be the same people. */
    public record Registration(Household household, List<PossibleDuplicate> possibleDuplicates) {
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
            Informant informant = command.informants().get(i);
            String phone = informant.phone() == null || informant.phone().isBlank() ? null
                    : phones.toE164(informant.phone(), territory.country(), "informants[" + i + "].phone");
            informants.add(new Informant(informant.name(), informant.relation(), phone));
        }
        List<Migrant> migrants = new ArrayList<>();
        for (int i = 0; i < command.migrants().size(); i++) {
            migrants.add(migrant(command.migrants().get(i), "migrants[" + i + "]"));
        }
        HouseholdChange change = Household.register(UUID.randomUUID().toString(), command.municipalityCode(),
                command.locality(), informants, migrants, command.provenance(), clock.instant());
        store.insert(change);
        Household household = change.household();
        List<PossibleDuplicate> possibleDuplicates = duplicates.findFor(household, store::find);
        duplicates.index(household);
        return new Registration(household, possibleDuplicates);
    }

    public Household find(String id, Actor actor, String purpose) {
        // Another municipality's household answers exactly like a missing one: its existence is not disclosed.
        Household household = store.find(id)
            .filter(found -> actor.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("household", id));
        audit.recordRead(actor, "read household", List.of(household.id()), purpose);
        return household;
    }

    private Migrant migrant(RegisterHousehold.NewMigrant migrant, String field) {
        if (isBlank(migrant.givenName()) && isBlank(migrant.familyName()) && isBlank(migrant.nameLatin())) {
            throw new InvalidFieldException(field + ".givenName",
                    "a migrant needs a name in the local script or in Latin letters");
        }
        int thisYear = Year.now(clock).getValue();
        requireYear(migrant.birthYear(), thisYear, field + ".birthYear");
        requireYear(migrant.departureYear(), thisYear, field + ".departureYear");
        if (migrant.destinationCountry() != null && !COUNTRIES.contains(migrant.destinationCountry())) {
            throw new InvalidFieldException(field + ".destinationCountry",
                    "'" + migrant.destinationCountry() + "' is not an ISO 3166-1 alpha-2 country code, such as GR or DE");
        }
        String language = migrant.preferredLanguage() == null ? null
                : languageTag(migrant.preferredLanguage(), field + ".preferredLanguage");
        List<String> e164 = new ArrayList<>();
        for (int j = 0; j < migrant.phones().size(); j++) {
            String region = migrant.destinationCountry() == null ? territory.country() : migrant.destinationCountry();
            e164.add(phones.toE164(migrant.phones().get(j), region, field + ".phones[" + j + "]"));
        }
        return new Migrant(UUID.randomUUID().toString(), migrant.givenName(), migrant.familyName(),
                migrant.nameLatin(), migrant.sex(), migrant.birthYear(), migrant.destinationCountry(),
                migrant.destinationCity(), migrant.departureYear(), migrant.lifecycleStage(), language, e164,
                migrant.email(), migrant.consent());
    }

    private static void requireYear(Integer year, int thisYear, String field) {
        if (year != null && (year < 1900 || year > thisYear)) {
            throw new InvalidFieldException(field, "a year between 1900 and " + thisYear + " is expected");
        }
    }

    private static String languageTag(String tag, String field) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        }
        catch (IllformedLocaleException ex) {
            throw new InvalidFieldException(field, "'" + tag + "' is not a BCP 47 language tag, such as ka, ru or el");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

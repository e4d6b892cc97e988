package org.diasporadesk.registry.household.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.domain.Verification;
import org.springframework.stereotype.Component;

/**
 * The rules a reported migrant or informant must meet, and their normalisation (E.164 phones, BCP 47 tags,
 * ISO country codes). Shared by registration and bulk import; {@link InvalidFieldException}s name the field
 * relative to the migrant ({@code phones[0]}), and each caller says where it sits in its own input.
 */
@Component
public class MigrantNormalizer {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Territory territory;
    private final PhoneNumbers phones;
    private final Clock clock;

    MigrantNormalizer(Territory territory, PhoneNumbers phones, Clock clock) {
        this.territory = territory;
        this.phones = phones;
        this.clock = clock;
    }

    public Migrant migrant(RegisterHousehold.NewMigrant migrant, String migrantId) {
        if (isBlank(migrant.givenName()) && isBlank(migrant.familyName()) && isBlank(migrant.nameLatin())) {
            throw new InvalidFieldException("givenName", "a migrant needs a name in the local script or in Latin letters");
        }
        if (migrant.sex() == null) {
            throw new InvalidFieldException("sex", "one of FEMALE, MALE, OTHER, UNKNOWN is expected");
        }
        if (migrant.lifecycleStage() == null) {
            throw new InvalidFieldException("lifecycleStage", "one of PROSPECTIVE, ABROAD, RETURNING, RETURNED is expected");
        }
        int thisYear = Year.now(clock).getValue();
        requireYear(migrant.birthYear(), thisYear, "birthYear");
        requireYear(migrant.departureYear(), thisYear, "departureYear");
        String country = isBlank(migrant.destinationCountry()) ? null
                : migrant.destinationCountry().strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidFieldException("destinationCountry",
                    "'" + migrant.destinationCountry() + "' is not an ISO 3166-1 alpha-2 country code, such as GR or DE");
        }
        String language = isBlank(migrant.preferredLanguage()) ? null : languageTag(migrant.preferredLanguage());
        List<String> e164 = new ArrayList<>();
        for (int j = 0; j < migrant.phones().size(); j++) {
            e164.add(phones.toE164(migrant.phones().get(j), country == null ? territory.country() : country,
                    "phones[" + j + "]"));
        }
        return new Migrant(migrantId, blankToNull(migrant.givenName()), blankToNull(migrant.familyName()),
                blankToNull(migrant.nameLatin()), migrant.sex(), migrant.birthYear(), country,
                blankToNull(migrant.destinationCity()), migrant.departureYear(), migrant.lifecycleStage(), language, e164,
                blankToNull(migrant.email()), migrant.consent(), texts(migrant.messengers(), "messengers", 5, 100),
                text(migrant.occupation(), "occupation", 200), texts(migrant.skills(), "skills", 20, 100),
                text(migrant.education(), "education", 200), verification(migrant.verification()));
    }

    private Verification verification(Verification verification) {
        if (verification == null || verification.status() == null) {
            return Verification.NONE;
        }
        LocalDate confirmed = verification.lastConfirmedContact();
        if (confirmed != null && confirmed.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("verification.lastConfirmedContact", "a date in the future is not a contact");
        }
        return verification;
    }

    /** Free text that imports also carry, where no request validation has looked at it. */
    private static String text(String value, String field, int maxLength) {
        String text = blankToNull(value);
        if (text != null && text.length() > maxLength) {
            throw new InvalidFieldException(field, "at most " + maxLength + " characters");
        }
        return text;
    }

    private static List<String> texts(List<String> values, String field, int maxItems, int maxLength) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String text = text(values.get(i), field + "[" + i + "]", maxLength);
            if (text != null && !texts.contains(text)) {
                texts.add(text);
            }
        }
        if (texts.size() > maxItems) {
            throw new InvalidFieldException(field, "at most " + maxItems + " entries");
        }
        return texts;
    }

    /** Why a number outside the ranges known to be assigned is kept, and what the officer should do about it. */
    public static final String OUTSIDE_ASSIGNED_RANGES = "kept, but the number is not in a range known to be in use; "
            + "confirm it with the family when you next speak to them";

    /** Whether a number kept in E.164 lies in a range known to be assigned (see {@link PhoneNumbers}). */
    public boolean inAssignedRange(String e164) {
        return phones.inAssignedRange(e164);
    }

    /**
     * A family member as reported, with the id given: numbers are at home, so national numbers are read as the home
     * country's.
     */
    public Informant informant(Informant informant, String familyMemberId) {
        if (isBlank(informant.name())) {
            throw new InvalidFieldException("name", "a family member needs a name");
        }
        String phone = isBlank(informant.phone()) ? null : phones.toE164(informant.phone(), territory.country(), "phone");
        String language = isBlank(informant.preferredLanguage()) ? null : languageTag(informant.preferredLanguage());
        return new Informant(text(informant.name(), "name", 200), text(informant.relation(), "relation", 100), phone,
                familyMemberId, informant.sex(), language, informant.consent());
    }

    private static void requireYear(Integer year, int thisYear, String field) {
        if (year != null && (year < 1900 || year > thisYear)) {
            throw new InvalidFieldException(field, "a year between 1900 and " + thisYear + " is expected");
        }
    }

    private static String languageTag(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        }
        catch (IllformedLocaleException ex) {
            throw new InvalidFieldException("preferredLanguage",
                    "'" + tag + "' is not a BCP 47 language tag, such as ka, ru or el");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}

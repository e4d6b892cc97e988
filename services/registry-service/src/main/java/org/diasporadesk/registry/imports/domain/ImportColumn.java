package org.diasporadesk.registry.imports.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a bulk-import file, one row per migrant; rows sharing {@code household_ref} form one
 * household. The informant's own sex, language and consent came later; files without those columns stay valid and
 * record no consent for the informant. Columns may come in any order; unknown columns are refused before anything is imported.
 */
public enum ImportColumn {
    EXTERNAL_ID(true),
    HOUSEHOLD_REF(true),
    MUNICIPALITY_CODE(true),
    LOCALITY(false),
    INFORMANT_NAME(false),
    INFORMANT_RELATION(false),
    INFORMANT_PHONE(false),
    INFORMANT_SEX(false),
    INFORMANT_LANGUAGE(false),
    INFORMANT_CONSENT_HOTLINE(false),
    INFORMANT_CONSENT_OUTREACH(false),
    INFORMANT_CONSENT_STATISTICS(false),
    GIVEN_NAME(false),
    FAMILY_NAME(false),
    NAME_LATIN(false),
    SEX(true),
    BIRTH_YEAR(false),
    DESTINATION_COUNTRY(false),
    DESTINATION_CITY(false),
    DEPARTURE_YEAR(false),
    OCCUPATION(false),
    SKILLS(false),
    EDUCATION(false),
    LANGUAGE(false),
    PHONE(false),
    EMAIL(false),
    MESSENGER(false),
    LIFECYCLE_STAGE(true),
    CONSENT_HOTLINE(false),
    CONSENT_OUTREACH(false),
    CONSENT_STATISTICS(false),
    COLLECTED_BY(false),
    COLLECTED_ON(false),
    VERIFIED(false);

    private final boolean required;

    ImportColumn(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** The name as written in the header row. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportColumn> ofHeader(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(column -> column.header().equals(wanted)).findFirst();
    }
}

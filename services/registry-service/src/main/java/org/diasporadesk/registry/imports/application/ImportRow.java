package org.diasporadesk.registry.imports.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.registry.household.application.RegisterHousehold;
import org.diasporadesk.registry.household.domain.Consent;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Provenance;
import org.diasporadesk.registry.household.domain.Verification;
import org.diasporadesk.registry.imports.domain.ImportColumn;
import org.diasporadesk.registry.imports.domain.RowError;

/**
 * One row of an import file, read but not yet checked against reference data. Ids are derived from the
 * file's own keys, so importing the same file again addresses the same households and migrants.
 */
record ImportRow(long line, String externalId, String municipalityCode, String householdRef, String locality,
        Informant informant, RegisterHousehold.NewMigrant migrant, Provenance provenance, List<RowError> doubts) {

    String householdId() {
        return uuid("household|" + municipalityCode + "|" + householdRef);
    }

    /** The informant's id: the same for the same household in every file, so a repeated import changes nothing. */
    String familyMemberId() {
        return uuid("family|" + municipalityCode + "|" + householdRef + "|informant");
    }

    String migrantId() {
        return uuid("migrant|" + municipalityCode + "|" + externalId);
    }

    /**
     * @throws RowRejected naming the column whose value cannot be read
     */
    static ImportRow read(long line, Map<ImportColumn, String> values, String collectedByDefault) {
        // A family member's unreadable detail is left out with a warning: it never costs the row its migrant.
        List<RowError> doubts = new ArrayList<>();
        Informant informant = blank(values.get(ImportColumn.INFORMANT_NAME)) ? null
                : new Informant(values.get(ImportColumn.INFORMANT_NAME).strip(), values.get(ImportColumn.INFORMANT_RELATION),
                        values.get(ImportColumn.INFORMANT_PHONE), null,
                        lenient(line, () -> informantSex(values), null, doubts),
                        values.get(ImportColumn.INFORMANT_LANGUAGE),
                        // Files from before family members had consent of their own record none.
                        new Consent(lenient(line, () -> yes(values, ImportColumn.INFORMANT_CONSENT_HOTLINE), false, doubts),
                                lenient(line, () -> yes(values, ImportColumn.INFORMANT_CONSENT_OUTREACH), false, doubts),
                                lenient(line, () -> yes(values, ImportColumn.INFORMANT_CONSENT_STATISTICS), false,
                                        doubts)));
        RegisterHousehold.NewMigrant migrant = new RegisterHousehold.NewMigrant(values.get(ImportColumn.GIVEN_NAME),
                values.get(ImportColumn.FAMILY_NAME), values.get(ImportColumn.NAME_LATIN), sex(values),
                year(values, ImportColumn.BIRTH_YEAR), values.get(ImportColumn.DESTINATION_COUNTRY),
                values.get(ImportColumn.DESTINATION_CITY), year(values, ImportColumn.DEPARTURE_YEAR), stage(values),
                values.get(ImportColumn.LANGUAGE), list(values.get(ImportColumn.PHONE)), values.get(ImportColumn.EMAIL),
                new Consent(yes(values, ImportColumn.CONSENT_HOTLINE), yes(values, ImportColumn.CONSENT_OUTREACH),
                        yes(values, ImportColumn.CONSENT_STATISTICS)),
                list(values.get(ImportColumn.MESSENGER)), values.get(ImportColumn.OCCUPATION),
                list(values.get(ImportColumn.SKILLS)), values.get(ImportColumn.EDUCATION),
                // A record marked verified was confirmed when it was collected.
                yes(values, ImportColumn.VERIFIED) ? new Verification(Verification.Status.VERIFIED, date(values)) : null);
        String collectedBy = blank(values.get(ImportColumn.COLLECTED_BY)) ? collectedByDefault
                : values.get(ImportColumn.COLLECTED_BY).strip();
        return new ImportRow(line, required(values, ImportColumn.EXTERNAL_ID), required(values, ImportColumn.MUNICIPALITY_CODE),
                required(values, ImportColumn.HOUSEHOLD_REF), values.get(ImportColumn.LOCALITY), informant, migrant,
                new Provenance(collectedBy, informant == null ? null : informant.name(), date(values)), doubts);
    }

    /** The value read, or {@code fallback} with the reason among the doubts. */
    private static <T> T lenient(long line, Supplier<T> read, T fallback, List<RowError> doubts) {
        try {
            return read.get();
        }
        catch (RowRejected unreadable) {
            doubts.add(new RowError(line, unreadable.column().header(), unreadable.value(),
                    unreadable.getMessage() + "; the informant was imported without it"
                            + (fallback == null ? "" : " (" + fallback + ")")));
            return fallback;
        }
    }

    /** A row that cannot be imported, with the column and value at fault. */
    static final class RowRejected extends RuntimeException {

        private final ImportColumn column;
        private final String value;

        RowRejected(ImportColumn column, String value, String reason) {
            super(reason);
            this.column = column;
            this.value = value;
        }

        ImportColumn column() {
            return column;
        }

        String value() {
            return value;
        }
    }

    private static String required(Map<ImportColumn, String> values, ImportColumn column) {
        String value = values.get(column);
        if (blank(value)) {
            throw new RowRejected(column, value, "is required");
        }
        return value.strip();
    }

    private static Sex sex(Map<ImportColumn, String> values) {
        return sex(ImportColumn.SEX, required(values, ImportColumn.SEX));
    }

    private static Sex informantSex(Map<ImportColumn, String> values) {
        String value = values.get(ImportColumn.INFORMANT_SEX);
        return blank(value) ? null : sex(ImportColumn.INFORMANT_SEX, value.strip());
    }

    private static Sex sex(ImportColumn column, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "f", "female", "ქალი", "ж", "женский" -> Sex.FEMALE;
            case "m", "male", "კაცი", "მამრობითი", "м", "мужской" -> Sex.MALE;
            case "o", "other" -> Sex.OTHER;
            case "u", "unknown" -> Sex.UNKNOWN;
            default -> throw new RowRejected(column, value, "expected F, M, other or unknown");
        };
    }

    private static LifecycleStage stage(Map<ImportColumn, String> values) {
        String value = required(values, ImportColumn.LIFECYCLE_STAGE);
        try {
            return LifecycleStage.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new RowRejected(ImportColumn.LIFECYCLE_STAGE, value, "expected prospective, abroad, returning or returned");
        }
    }

    private static Integer year(Map<ImportColumn, String> values, ImportColumn column) {
        String value = values.get(column);
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new RowRejected(column, value, "expected a year such as 1988");
        }
    }

    private static boolean yes(Map<ImportColumn, String> values, ImportColumn column) {
        String value = values.get(column);
        if (blank(value)) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "კი", "да" -> true;
            case "no", "n", "false", "0", "არა", "нет" -> false;
            default -> throw new RowRejected(column, value, "expected yes or no");
        };
    }

    private static LocalDate date(Map<ImportColumn, String> values) {
        String value = values.get(ImportColumn.COLLECTED_ON);
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new RowRejected(ImportColumn.COLLECTED_ON, value, "expected a date as YYYY-MM-DD");
        }
    }

    /** Several numbers may share the cell, separated by semicolons. */
    /** Several values in one cell are separated by {@code ;}, as spreadsheets let people type them. */
    private static List<String> list(String cell) {
        return blank(cell) ? List.of() : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

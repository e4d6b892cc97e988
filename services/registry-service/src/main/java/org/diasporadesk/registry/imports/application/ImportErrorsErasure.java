package org.diasporadesk.registry.imports.application;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.diasporadesk.registry.household.application.PersonErased;
import org.diasporadesk.registry.imports.domain.RowError;
import org.diasporadesk.registry.household.matching.domain.NameFolding;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * An erased person's rejected import rows go too. A rejected value is kept as it was written in the file, which is
 * why it was rejected: a number is recognised by its national digits in any spacing or prefix, a name by all its
 * folded words in any script, an address as written. The whole row goes, not only the matching column.
 */
@Service
class ImportErrorsErasure {

    /** Fewer national digits than this could be part of anyone's number. */
    private static final int MIN_DIGITS = 6;

    private final ImportJobs jobs;

    ImportErrorsErasure(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void on(PersonErased erased) {
        List<String> digits = erased.phones().stream().map(ImportErrorsErasure::nationalDigits)
            .filter(number -> number.length() >= MIN_DIGITS).toList();
        List<Set<String>> names = erased.names().stream().map(NameFolding::tokens)
            .filter(tokens -> tokens.size() >= 2).map(Set::copyOf).toList();
        List<String> emails = erased.emails().stream().map(email -> email.toLowerCase(Locale.ROOT)).toList();
        jobs.deleteRejectedRows(error -> holds(error, digits, names, emails));
    }

    private static boolean holds(RowError error, List<String> digits, List<Set<String>> names, List<String> emails) {
        String value = error.value();
        if (value == null || value.isBlank()) {
            return false;
        }
        String valueDigits = value.replaceAll("\\D", "");
        String lower = value.toLowerCase(Locale.ROOT);
        Set<String> tokens = new HashSet<>(NameFolding.tokens(value));
        return digits.stream().anyMatch(valueDigits::contains) || emails.stream().anyMatch(lower::contains)
                || names.stream().anyMatch(tokens::containsAll);
    }

    private static String nationalDigits(String e164) {
        try {
            return Long.toString(PhoneNumberUtil.getInstance().parse(e164, null).getNationalNumber());
        }
        catch (NumberParseException notE164) {
            return e164.replaceAll("\\D", "");
        }
    }
}

package org.diasporadesk.chassis.phone;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.diasporadesk.chassis.web.InvalidFieldException;

/**
 * Phones arrive as families write them: {@code 599 12 34 56}, {@code 00995599123456}, {@code +30 691 234 5678}.
 * Google's libphonenumber turns them into E.164 so that one person has one key whatever the format: the
 * registry stores that key and the hotline looks callers up by it.
 *
 * <p>A number is kept when it can be one: the right length for its country, dialable from abroad. Whether it
 * lies in a range libphonenumber lists as assigned ({@code isValidNumber}) is a doubt to flag
 * ({@link #inAssignedRange}), not a reason to refuse: relatives' old numbers and ranges opened since the library's
 * release are real numbers a family gives.
 */
public class PhoneNumbers {

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /**
     * @param defaultRegion ISO 3166-1 country assumed for numbers without a country code: the destination
     *                      country for a migrant's phone, the home country for an informant's
     * @param field         the request field, named in the problem response if the number is invalid
     */
    public String toE164(String raw, String defaultRegion, String field) {
        try {
            PhoneNumber number = phoneNumbers.parse(internationalPrefixAsPlus(raw),
                    defaultRegion == null ? null : defaultRegion.toUpperCase(Locale.ROOT));
            // Not isPossibleNumber: it also passes numbers only dialable locally (two digits in Germany), which
            // nobody can call from another country.
            if (phoneNumbers.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                throw invalid(raw, field);
            }
            return phoneNumbers.format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException ex) {
            throw invalid(raw, field);
        }
    }

    /** Whether a number in E.164 lies in a range known to be assigned; false for one kept only as possible. */
    public boolean inAssignedRange(String e164) {
        try {
            return phoneNumbers.isValidNumber(phoneNumbers.parse(e164, null));
        }
        catch (NumberParseException ex) {
            return false;
        }
    }

    /**
     * Numbers are written down at home, where 00 dials abroad (as in most of the world), even for a migrant in
     * the United States (011) or Russia (810): read a leading 00 as the international prefix everywhere.
     */
    private static String internationalPrefixAsPlus(String raw) {
        String trimmed = raw.strip();
        return trimmed.startsWith("00") ? "+" + trimmed.substring(2) : trimmed;
    }

    private static InvalidFieldException invalid(String raw, String field) {
        return new InvalidFieldException(field, "'" + raw + "' cannot be a phone number (too short or too long for "
                + "its country); write it with its country code, for example +995 599 12 34 56");
    }
}

package org.diasporadesk.chassis.phone;

import org.diasporadesk.chassis.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers();

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "599 12 34 56, GE, +995599123456",
            "+995 599 12 34 56, GR, +995599123456",
            "691 234 5678, GR, +306912345678",
            "0030 691 234 5678, GR, +306912345678",
            "8 (916) 555-00-02, RU, +79165550002",
            "007 916 555 00 02, RU, +79165550002",
            "001 212 700 1234, US, +12127001234",
            "(212) 700-1234, US, +12127001234" })
    void writesNumbersInTheFormatsFamiliesUseAsE164(String written, String region, String e164) {
        assertThat(phones.toE164(written, region, "phone")).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({ "12, GE", "12, DE", "599 12 34 567 89, GE", "not a number, GR" })
    void refusesWhatIsNoNumberNamingTheField(String written, String region) {
        assertThatThrownBy(() -> phones.toE164(written, region, "migrants[0].phones[0]"))
            .isInstanceOf(InvalidFieldException.class)
            .hasMessageContaining("country code")
            .extracting(ex -> ((InvalidFieldException) ex).field()).isEqualTo("migrants[0].phones[0]");
    }

    /** A relative's old number outside the ranges listed as assigned is kept, and flagged. */
    @Test
    void keepsANumberThatCanBeOneAndFlagsItWhenNotInAnAssignedRange() {
        String old = phones.toE164("590 12 34 56", "GE", "informants[0].phone");

        assertThat(old).isEqualTo("+995590123456");
        assertThat(phones.inAssignedRange(old)).isFalse();
        assertThat(phones.inAssignedRange("+995599123456")).isTrue();
    }
}

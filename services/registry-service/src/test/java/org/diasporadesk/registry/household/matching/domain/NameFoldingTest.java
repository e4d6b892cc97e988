package org.diasporadesk.registry.household.matching.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameFoldingTest {

    @ParameterizedTest(name = "{0} = {1} = {2}")
    @CsvSource({
            "ვახტანგ ბერიძე, Вахтанг Беридзе, Vakhtang Beridze",
            "ნინო ჯაფარიძე, Нино Джапаридзе, Nino Japaridze",
            "ქეთევან ხუციშვილი, Кетеван Хуцишвили, Ketevan Khutsishvili",
            "შოთა ჭავჭავაძე, Шота Чавчавадзе, Shota Chavchavadze",
            "ლევან წერეთელი, Леван Церетели, Levan Tsereteli",
            "ვახტანგ ბერიძე, Вахтанг Беридзе, Vaxtang Beridze",
            "თამარ ყიფიანი, Тамар Кипиани, Tamar Qipiani" })
    void theSameNameInGeorgianCyrillicAndLatinFoldsToTheSameTokens(String georgian, String cyrillic, String latin) {
        assertThat(NameFolding.tokens(cyrillic)).isEqualTo(NameFolding.tokens(georgian));
        assertThat(NameFolding.tokens(latin)).isEqualTo(NameFolding.tokens(georgian));
    }

    /** Words are folded one by one and remembered: a name's hyphens, tabs and runs of spaces still part them. */
    @Test
    void wordsArePartedByHyphensAndAnyWhitespace() {
        assertThat(NameFolding.tokens("Анна-Мария  Ёлкина")).containsExactly("ana", "maria", "ielkina");
        assertThat(NameFolding.tokens(" Anna Maria\tYelkina ")).isEqualTo(NameFolding.tokens("Анна-Мария  Ёлкина"));
    }

    @ParameterizedTest
    @CsvSource({ "Vakhtang Beridze, Vakhtang Japaridze", "Nino Beridze, Nana Beridze" })
    void differentNamesStayDifferent(String one, String other) {
        assertThat(NameFolding.tokens(one)).isNotEqualTo(NameFolding.tokens(other));
    }
}

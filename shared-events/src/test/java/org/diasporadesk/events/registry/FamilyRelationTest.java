package org.diasporadesk.events.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyRelationTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "mother, PARENT", "' Mother ', PARENT", "დედა, PARENT", "мать, PARENT", "father, PARENT",
        "wife, SPOUSE", "ქმარი, SPOUSE", "муж, SPOUSE",
        "son, CHILD", "შვილი, CHILD", "дочь, CHILD",
        "brother, SIBLING", "და, SIBLING", "сестра, SIBLING",
        "grandmother, GRANDPARENT", "ბებია, GRANDPARENT", "бабушка, GRANDPARENT",
        "aunt, OTHER", "neighbour, OTHER", "null, OTHER" })
    void aRelationAsAnOfficeWritesItFallsInItsCategory(String written, FamilyRelation expected) {
        assertThat(FamilyRelation.of(written)).isEqualTo(expected);
    }
}

package org.diasporadesk.reporting;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on published cells ({@code {value, suppressed}}) in the figures' JSON. */
public final class PublishedCells {

    private PublishedCells() {
    }

    /**
     * A count that the whole territory's pattern may withhold to protect a small count elsewhere, but that, when
     * shown, is the count.
     */
    public static void assertCountOrWithheld(JsonNode cell, long count) {
        assertThat(cell.isMissingNode()).as("the cell is published").isFalse();
        if (!cell.get("suppressed").asBoolean()) {
            assertThat(cell.get("value").asLong()).isEqualTo(count);
        }
    }
}

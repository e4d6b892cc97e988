package org.diasporadesk.reporting.disclosure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellSuppressionTest {

    private final SmallCellSuppression suppression = new SmallCellSuppression(5);

    @Test
    void countsFromOneToFourAreWithheldAndZeroAndFiveAreShown() {
        var result = suppression.protect(20, List.of(0L, 4L, 5L, 11L, 1L));

        assertThat(result.parts()).containsExactly(Cell.shown(0), Cell.withheld(), Cell.shown(5), Cell.shown(11),
                Cell.withheld());
        assertThat(result.total()).isEqualTo(Cell.shown(20));
    }

    @Test
    void aSingleWithheldPartTakesTheSmallestOtherNonZeroPartWithIt() {
        var result = suppression.protect(30, List.of(3L, 12L, 0L, 15L));

        assertThat(result.parts()).containsExactly(Cell.withheld(), Cell.withheld(), Cell.shown(0), Cell.shown(15));
        assertThat(result.total()).isEqualTo(Cell.shown(30));
    }

    @Test
    void whenNoOtherPartCanBeWithheldTheTotalIs() {
        var result = suppression.protect(3, List.of(0L, 3L, 0L));

        assertThat(result.total()).isEqualTo(Cell.withheld());
        assertThat(result.parts()).containsExactly(Cell.shown(0), Cell.withheld(), Cell.shown(0));
    }

    @Test
    void aSmallTotalIsWithheldWithAllItsNonZeroParts() {
        var result = suppression.protect(4, List.of(1L, 3L, 0L));

        assertThat(result.total()).isEqualTo(Cell.withheld());
        assertThat(result.parts()).containsExactly(Cell.withheld(), Cell.withheld(), Cell.shown(0));
    }

    @Test
    void aCountStandingAloneIsWithheldOnlyFromOneToKMinusOne() {
        assertThat(suppression.protect(0)).isEqualTo(Cell.shown(0));
        assertThat(suppression.protect(1)).isEqualTo(Cell.withheld());
        assertThat(suppression.protect(4)).isEqualTo(Cell.withheld());
        assertThat(suppression.protect(5)).isEqualTo(Cell.shown(5));
    }

    @Test
    void noWithheldCellCanBeDerivedFromTheShownOnes() {
        long[][] cases = { { 3, 12, 0, 15 }, { 1, 1, 40 }, { 0, 0, 2 }, { 7, 2, 9, 1 }, { 4 } };
        for (long[] parts : cases) {
            List<Long> values = java.util.Arrays.stream(parts).boxed().toList();
            long total = values.stream().mapToLong(Long::longValue).sum();
            var result = suppression.protect(total, values);
            long withheld = result.parts().stream().filter(Cell::suppressed).count();
            assertThat(withheld == 0 || withheld >= 2 || result.total().suppressed())
                .as("parts %s", values).isTrue();
        }
    }

    @Test
    void aSmallNegativeAdjustmentIsWithheldLikeASmallCount() {
        var adjustment = suppression.protect(-2 + 6 + 7 + 0, List.of(-2L, 6L, 7L, 0L));

        assertThat(adjustment.parts().get(0).suppressed()).as("a household of two moved away").isTrue();
        assertThat(adjustment.parts().get(1).suppressed()).as("otherwise -2 = 11 - 6 - 7 - 0").isTrue();
        assertThat(adjustment.parts().subList(2, 4)).containsExactly(Cell.shown(7), Cell.shown(0));
        assertThat(adjustment.total()).isEqualTo(Cell.shown(11));
    }
}

package org.diasporadesk.reporting.disclosure;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedRoundingTest {

    private final KeyedRounding rounding = new KeyedRounding(5, "test-key");

    @Test
    void theSameCellAndCountAlwaysShowTheSameMultipleOfTheBaseWithinItsBand() {
        for (int count = 0; count <= 200; count++) {
            long shown = rounding.round("migrants|GE-IM|TOTAL", count);
            assertThat(shown % 5).isZero();
            assertThat(Math.abs(shown - count)).isLessThanOrEqualTo(4);
            assertThat(rounding.round("migrants|GE-IM|TOTAL", count)).isEqualTo(shown);
        }
    }

    @Test
    void zeroStaysZeroAndACountOfTheBaseOrMoreNeverShowsAsZero() {
        assertThat(rounding.round("any", 0)).isZero();
        IntStream.rangeClosed(5, 50).forEach(count -> assertThat(rounding.round("cell" + count, count)).isPositive());
        assertThat(rounding.round("cell", -7)).isEqualTo(-rounding.round("cell", 7));
    }

    @Test
    void oneMoreRegistrationMovesACellInOneCaseOutOfTheBaseAndThenByTheBase() {
        Map<Long, Integer> moves = new HashMap<>();
        int cells = 2_000;
        for (int cell = 0; cell < cells; cell++) {
            long count = 20 + cell % 37;
            long move = rounding.round("cell" + cell, count + 1) - rounding.round("cell" + cell, count);
            moves.merge(move, 1, Integer::sum);
        }
        assertThat(moves.keySet()).containsOnly(0L, 5L);
        assertThat(moves.get(5L)).as("about one in five of %d cells", cells).isBetween(cells / 5 - 100, cells / 5 + 100);
    }

    @Test
    void theMeanChangeOfACountIsAboutOneAndAHalfAndTheOffsetsDependOnTheKey() {
        double total = 0;
        int differ = 0;
        KeyedRounding other = new KeyedRounding(5, "another-key");
        for (int cell = 0; cell < 5_000; cell++) {
            long count = 20 + cell % 101;
            total += Math.abs(rounding.round("cell" + cell, count) - count);
            differ += rounding.round("cell" + cell, count) != other.round("cell" + cell, count) ? 1 : 0;
        }
        assertThat(total / 5_000).isBetween(1.4, 1.8);
        assertThat(differ).as("a reader without the key cannot know the offsets").isGreaterThan(1_000);
    }

    @Test
    void baseOneLeavesCountsAsTheyAre() {
        assertThat(new KeyedRounding(1, null).round("cell", 17)).isEqualTo(17);
    }
}

package org.diasporadesk.reporting.disclosure;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A total and its parts, as one relation: which cells the pattern withholds, and why. */
class SuppressionPatternTest {

    private static final int K = 5;

    @Test
    void countsFromOneToFourAreWithheldWithWhatGivesThemRoomAndZeroIsShown() {
        SuppressionPattern pattern = decide(20, 0, 4, 5, 11, 1);

        assertThat(withheld(pattern)).as("4 + 1 = 20 - 5 - 11 would leave 4 at most 4: 5 goes too")
            .containsExactly(false, false, true, true, false, true);
    }

    @Test
    void aSingleWithheldPartTakesTheSmallestOtherPartThatHidesItWith() {
        SuppressionPattern pattern = decide(30, 3, 12, 0, 15);

        assertThat(withheld(pattern)).as("3 alone would be 30 - 12 - 15").containsExactly(false, true, true, false,
                false);
    }

    @Test
    void twoWithheldPartsWhoseSumGivesBothAwayTakeAThirdWithThem() {
        // 38 to Greece, 1 to Italy, 1 to Germany: 40 - 38 = 2 leaves one value for each of the two, 1.
        SuppressionPattern pattern = decide(40, 38, 1, 1);

        assertThat(withheld(pattern)).as("Greece is withheld too").containsExactly(false, true, true, true);
    }

    @Test
    void whenNoOtherPartCanBeWithheldTheTotalIs() {
        SuppressionPattern pattern = decide(3, 0, 3, 0);

        assertThat(withheld(pattern)).containsExactly(true, false, true, false);
    }

    @Test
    void aSmallTotalIsWithheldWithAllItsNonZeroParts() {
        SuppressionPattern pattern = decide(4, 1, 3, 0);

        assertThat(withheld(pattern)).containsExactly(true, true, true, false);
    }

    @Test
    void noWithheldCellCanBeWorkedOutFromTheShownOnes() {
        long[][] cases = { { 3, 12, 0, 15 }, { 1, 1, 40 }, { 0, 0, 2 }, { 7, 2, 9, 1 }, { 4 }, { 1, 1, 1, 1, 30 } };
        for (long[] parts : cases) {
            long total = java.util.Arrays.stream(parts).sum();
            LinkedTable table = table(total, parts);
            SuppressionPattern pattern = SuppressionPattern.decide(table, K);
            Adversary.solve(table, pattern).forEach((cell, bounds) -> {
                assertThat(bounds.determined()).as("%s in %s", cell, java.util.Arrays.toString(parts)).isFalse();
                assertThat(bounds.highest()).as("%s in %s", cell, java.util.Arrays.toString(parts))
                    .isGreaterThanOrEqualTo(K);
            });
        }
    }

    @Test
    void aSmallNegativeAdjustmentIsWithheldLikeASmallCount() {
        LinkedTable table = LinkedTable.builder("adjustment")
            .signedCell("t", 11).signedCell("p0", -2).signedCell("p1", 6).signedCell("p2", 7).signedCell("p3", 0)
            .relation("t", List.of("p0", "p1", "p2", "p3"))
            .build();

        SuppressionPattern pattern = SuppressionPattern.decide(table, K);

        assertThat(withheld(pattern)).as("a household of two moved away; otherwise -2 = 11 - 6 - 7 - 0")
            .containsExactly(false, true, true, false, false);
    }

    private static SuppressionPattern decide(long total, long... parts) {
        return SuppressionPattern.decide(table(total, parts), K);
    }

    private static LinkedTable table(long total, long... parts) {
        LinkedTable.Builder table = LinkedTable.builder("t").cell("t", total);
        IntStream.range(0, parts.length).forEach(i -> table.cell("p" + i, parts[i]));
        return table.relation("t", IntStream.range(0, parts.length).mapToObj(i -> "p" + i).toList()).build();
    }

    private static List<Boolean> withheld(SuppressionPattern pattern) {
        return IntStream.range(0, pattern.table().size()).mapToObj(pattern::isWithheld).toList();
    }
}

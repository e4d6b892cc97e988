package org.diasporadesk.reporting.disclosure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.diasporadesk.chassis.territory.Territory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy against a reader who solves every published relation, on many generated territories and breakdowns
 * with many small counts: no withheld cell is ever determined, and no withheld count from 1 to k-1 is ever narrowed
 * to values below k, nor is a small count published only within a group. In every other table the first breakdown's
 * rare categories are grouped in municipalities, as destinations are; further tables hold days summed into their month,
 * as the activity figures do. Each table is generated from a seed, which a failure names.
 */
class GeneratedTablesTest {

    private static final int K = 5;
    private static final int TABLES = 100;
    /** Tables of days summed into their month, as a month's activity is. */
    private static final int TIME_TABLES = 30;
    /** Grouped below a mean of 12 per municipality: about a third of the categories of a generated table. */
    private static final long RARE_BELOW = 12;

    @Test
    void noWithheldCellIsDeterminedOrNarrowedBelowKOnGeneratedTables() throws IOException {
        long withheld = 0;
        long grouped = 0;
        for (long seed = 1; seed <= TABLES + TIME_TABLES; seed++) {
            LinkedTable table = seed > TABLES ? generateDays(new Random(seed))
                    : generate(new Random(seed), seed % 2 == 0);
            SuppressionPattern pattern = SuppressionPattern.decide(table, K);
            withheld += pattern.withheldCount();
            grouped += IntStream.range(0, table.size()).filter(table::isGrouped).count();
            Map<String, Adversary.Bounds> bounds = Adversary.solve(table, pattern);
            for (int cell = 0; cell < table.size(); cell++) {
                boolean smallInAGroup = table.isGrouped(cell) && table.value(cell) < K;
                if (!pattern.isWithheld(cell) && !smallInAGroup) {
                    continue;
                }
                Adversary.Bounds range = bounds.get(table.key(cell));
                String where = "seed " + seed + ", " + table.key(cell) + " = " + table.value(cell) + ", bounds " + range;
                assertThat(range.determined()).as(where).isFalse();
                if (table.value(cell) < K) {
                    assertThat(range.highest()).as(where).isGreaterThanOrEqualTo(K);
                }
            }
        }
        assertThat(withheld).as("the tables have small cells to protect").isGreaterThan(TABLES * 5L);
        assertThat(grouped).as("municipalities' rare categories are grouped").isGreaterThan(TABLES / 2 * 2L);
    }

    /**
     * A generated nation's migrants counted by one or two breakdowns of two to five values each, a third of the cells
     * zero and a third from 1 to 4; the first breakdown's rare categories grouped in municipalities when asked.
     */
    static LinkedTable generate(Random random, boolean grouping) throws IOException {
        List<String> municipalities = new ArrayList<>();
        Territory territory = territory(random, municipalities);
        TerritoryTable table = TerritoryTable.of("migrants", territory);
        if (grouping) {
            table.groupRareAtLowestLevel("D0=");
        }
        int dimensions = 1 + random.nextInt(2);
        for (int d = 0; d < dimensions; d++) {
            table.breakdown(TerritoryTable.TOTAL, "D" + d + "=");
        }
        int[] values = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            values[d] = 2 + random.nextInt(4);
        }
        for (String municipality : municipalities) {
            List<Integer> people = new ArrayList<>();
            for (int v = 0; v < values[0]; v++) {
                people.add(count(random));
            }
            long total = people.stream().mapToLong(Integer::intValue).sum();
            table.add(municipality, TerritoryTable.TOTAL, total);
            for (int v = 0; v < values[0]; v++) {
                table.add(municipality, "D0=" + v, people.get(v));
            }
            if (dimensions == 2) {
                long left = total;
                for (int v = 0; v < values[1] - 1; v++) {
                    long share = left == 0 ? 0 : random.nextLong(left + 1);
                    table.add(municipality, "D1=" + v, share);
                    left -= share;
                }
                table.add(municipality, "D1=" + (values[1] - 1), left);
            }
        }
        return table.build(KeyedRounding.NONE, grouping ? RARE_BELOW : 0);
    }

    /**
     * A month's activity in small: eight to ten days counted in every municipality of a generated nation and summed
     * into the month; most days zero or small.
     */
    static LinkedTable generateDays(Random random) throws IOException {
        Territory territory = territory(random, new ArrayList<>());
        TerritoryTable table = TerritoryTable.of("activity", territory).breakdown(TerritoryTable.TOTAL, "DAY=");
        int days = 8 + random.nextInt(3);
        for (String municipality : territory.lowestLevelUnits()) {
            for (int day = 0; day < days; day++) {
                int count = random.nextInt(2) == 0 ? 0 : count(random);
                table.add(municipality, TerritoryTable.TOTAL, count).add(municipality, "DAY=" + day, count);
            }
        }
        return table.build();
    }

    /** A nation of two to four regions of one to four municipalities, whose codes are added to the list. */
    private static Territory territory(Random random, List<String> municipalities) throws IOException {
        StringBuilder units = new StringBuilder("{\"code\":\"N\",\"name\":\"N\",\"level\":\"nation\",\"parent\":null}");
        int regions = 2 + random.nextInt(3);
        for (int r = 0; r < regions; r++) {
            units.append(",{\"code\":\"R").append(r).append("\",\"name\":\"R\",\"level\":\"region\",\"parent\":\"N\"}");
            int count = 1 + random.nextInt(4);
            for (int m = 0; m < count; m++) {
                String code = "R" + r + "M" + m;
                municipalities.add(code);
                units.append(",{\"code\":\"").append(code)
                    .append("\",\"name\":\"M\",\"level\":\"municipality\",\"parent\":\"R").append(r).append("\"}");
            }
        }
        return Territory.read(new ByteArrayInputStream(("{\"country\":\"N\",\"version\":\"1\","
                + "\"levels\":[\"municipality\",\"region\",\"nation\"],\"units\":[" + units + "]}")
            .getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Random random) {
        int kind = random.nextInt(3);
        return kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(K - 1) : K + random.nextInt(60);
    }
}

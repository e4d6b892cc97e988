package org.diasporadesk.reporting.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.reporting.migrants.application.MigrantTables;
import org.diasporadesk.reporting.migrants.application.MigrantTally;
import org.diasporadesk.reporting.migrants.application.MigrantTally.Dimension;
import org.junit.jupiter.api.Test;

/**
 * What the disclosure policy costs planners, on the migrants table (the whole territory by destination country,
 * sex, age band and lifecycle stage): the share of cells withheld and changed by rounding, the mean absolute
 * change of cells of 20 or more, and the time to decide a pattern. Two territories: NALAG-like (four Imereti
 * municipalities, 17,356 migrants) and national (every municipality of Georgia, {@code -Dbenchmark.national}
 * migrants, 500,000 by default). Counts are drawn with realistic skew: a few destinations and age bands hold most
 * people, and municipalities differ in size by two orders of magnitude.
 */
class DisclosureBenchmark {

    private static final String[] DESTINATIONS = { "GR", "IT", "RU", "TR", "DE", "US", "ES", "FR", "UA", "AZ", "IL",
        "GB", "AT", "BE", "NL", "PL", "CY", "CZ", "PT", "KZ", "AM", "CA", "IE", "SE", "CH", "AE", "JP", "CN", "BY",
        "LT", "LV", "EE", "FI", "NO", "DK", "HU", "SK", "RO", "BG", "MD", "UZ", "KG", "IR", "IQ", "SA", "QA", "KR",
        "AU", "NZ", "BR", "AR", "MX", "EG", "IN", "TH", "MY", "SG", "HK", "ZA", "NG" };
    private static final String[] NALAG = { "GE-IM-KUTAISI", "GE-IM-ZESTAPONI", "GE-IM-CHIATURA", "GE-IM-TKIBULI" };
    private static final double[] NALAG_SHARES = { 0.55, 0.20, 0.15, 0.10 };

    @Test
    void printsTheInformationLossOnNalagLikeAndNationalTerritories() throws IOException {
        Territory territory;
        try (InputStream json = getClass().getResourceAsStream("/territory/GE.json")) {
            territory = Territory.read(json);
        }
        DisclosurePolicy policy = new DisclosurePolicy(5, 5, "benchmark-key", Long.getLong("benchmark.rare-below", 20));
        Random random = new Random(17_356);

        Map<String, Double> nalag = new HashMap<>();
        for (int i = 0; i < NALAG.length; i++) {
            nalag.put(NALAG[i], NALAG_SHARES[i]);
        }
        report("NALAG-like, 4 municipalities", territory, policy, tallies(nalag, 17_356, random));

        Map<String, Double> nation = new HashMap<>();
        List<String> municipalities = territory.lowestLevelUnits();
        for (int i = 0; i < municipalities.size(); i++) {
            nation.put(municipalities.get(i), 1.0 / Math.pow(i + 1, 1.1));
        }
        int national = Integer.getInteger("benchmark.national", 500_000);
        report("national, " + municipalities.size() + " municipalities", territory, policy,
                tallies(nation, national, random));
    }

    /**
     * A month's activity as the period figures publish it: migrants recorded per day in every municipality, the days
     * summed into the month, one table; a week (here days 0-6, 7-13, 14-20, 21-27) is the sum of its days as
     * published, withheld if one of them is. NALAG-like: a desk's 17,356 migrants recorded over six months; national:
     * the national table's migrants over a year.
     */
    @Test
    void printsTheCostOfAMonthsActivity() throws IOException {
        Territory territory;
        try (InputStream json = getClass().getResourceAsStream("/territory/GE.json")) {
            territory = Territory.read(json);
        }
        DisclosurePolicy policy = new DisclosurePolicy(5, 5, "benchmark-key", 0);
        Random random = new Random(30);
        Map<String, Double> nalag = new HashMap<>();
        for (int i = 0; i < NALAG.length; i++) {
            nalag.put(NALAG[i], NALAG_SHARES[i]);
        }
        month("NALAG-like, 4 municipalities", territory, policy, nalag, 17_356 / 6, random);
        Map<String, Double> nation = new HashMap<>();
        List<String> municipalities = territory.lowestLevelUnits();
        for (int i = 0; i < municipalities.size(); i++) {
            nation.put(municipalities.get(i), 1.0 / Math.pow(i + 1, 1.1));
        }
        month("national, " + municipalities.size() + " municipalities", territory, policy, nation,
                Integer.getInteger("benchmark.national", 500_000) / 12, random);
    }

    private static void month(String name, Territory territory, DisclosurePolicy policy, Map<String, Double> weights,
            int migrants, Random random) {
        List<String> municipalities = new ArrayList<>(new TreeMap<>(weights).keySet());
        double[] cumulative = cumulative(municipalities.stream().mapToDouble(weights::get).toArray());
        TerritoryTable table = TerritoryTable.of("activity", territory).breakdown(TerritoryTable.TOTAL, "DAY=");
        for (int i = 0; i < migrants; i++) {
            String municipality = municipalities.get(pick(cumulative, random));
            int day = random.nextInt(30);
            table.add(municipality, TerritoryTable.TOTAL, 1).add(municipality, "DAY=" + day, 1);
        }
        long started = System.nanoTime();
        ProtectedTable published = policy.protect(table);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LinkedTable cells = published.pattern().table();
        Map<String, long[]> byKind = new TreeMap<>();
        for (int cell = 0; cell < cells.size(); cell++) {
            String category = cells.key(cell).split("\\|")[2];
            String level = territory.unit(cells.key(cell).split("\\|")[1]).map(TerritorialUnit::level).orElse("?");
            long[] counts = byKind.computeIfAbsent(level + " " + category.replaceAll("=.*", "").toLowerCase(
                    java.util.Locale.ROOT).replace("total", "month"), ignored -> new long[2]);
            counts[0]++;
            counts[1] += published.cell(cells.key(cell)).suppressed() ? 1 : 0;
        }
        for (TerritorialUnit unit : territory.units()) {
            if (cells.indexOf(TerritoryTable.key("activity", unit.code(), TerritoryTable.TOTAL)) == null) {
                continue; // nobody recorded there
            }
            for (int week = 0; week < 4; week++) {
                long[] counts = byKind.computeIfAbsent(unit.level() + " week", ignored -> new long[2]);
                counts[0]++;
                for (int day = 7 * week; day < 7 * week + 7; day++) {
                    if (published.cell(TerritoryTable.key("activity", unit.code(), "DAY=" + day)).suppressed()) {
                        counts[1]++;
                        break;
                    }
                }
            }
        }
        System.out.printf("%n%s, a month of %,d migrants recorded: %,d cells, pattern decided in %,d ms%n", name,
                migrants, cells.size(), millis);
        byKind.forEach((kind, counts) -> System.out.printf("  %-20s %,6d cells: %5.1f%% withheld%n", kind, counts[0],
                100.0 * counts[1] / counts[0]));
    }

    private static void report(String name, Territory territory, DisclosurePolicy policy,
            Map<String, MigrantTally> byMunicipality) {
        long started = System.nanoTime();
        ProtectedTable published = policy.protect(MigrantTables.migrants(territory, byMunicipality));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LinkedTable table = published.pattern().table();
        Map<String, long[]> byLevel = new TreeMap<>();
        double change = 0;
        int large = 0;
        for (int cell = 0; cell < table.size(); cell++) {
            if (table.isHidden(cell)) {
                continue;
            }
            String key = table.key(cell);
            String unit = key.split("\\|")[1];
            String level = territory.unit(unit).map(TerritorialUnit::level).orElse("?");
            long[] counts = byLevel.computeIfAbsent(level, ignored -> new long[4]);
            Cell shown = published.cell(key);
            counts[0]++;
            if (shown.suppressed()) {
                counts[1]++;
                counts[3] += table.value(cell) < policy.minimumCount() ? 1 : 0;
            } else if (shown.value() != table.value(cell)) {
                counts[2]++;
            }
            if (!shown.suppressed() && table.value(cell) >= 20) {
                change += Math.abs(shown.value() - table.value(cell));
                large++;
            }
        }
        System.out.printf("%n%s: %,d migrants, %,d cells, pattern decided in %,d ms%n", name,
                byMunicipality.values().stream().mapToLong(MigrantTally::migrants).sum(), table.size(), millis);
        byLevel.forEach((level, counts) -> System.out.printf("  %-12s %,6d cells: %5.1f%% withheld (%4.1f%% below k, "
                + "%4.1f%% to protect them), %5.1f%% changed by rounding%n", level, counts[0],
                100.0 * counts[1] / counts[0], 100.0 * counts[3] / counts[0], 100.0 * (counts[1] - counts[3]) / counts[0],
                100.0 * counts[2] / counts[0]));
        System.out.printf("  mean absolute change of shown cells of 20 or more: %.2f (%,d cells)%n", change / large,
                large);
    }

    /** Migrants drawn one by one: municipality by weight, then a skewed destination, sex, age band and stage. */
    private static Map<String, MigrantTally> tallies(Map<String, Double> weights, int migrants, Random random) {
        List<String> municipalities = new ArrayList<>(new TreeMap<>(weights).keySet());
        double[] cumulative = cumulative(municipalities.stream().mapToDouble(weights::get).toArray());
        double[] destinations = cumulative(zipf(DESTINATIONS.length, 1.5));
        double[] ages = cumulative(new double[] { 0.02, 0.12, 0.33, 0.27, 0.15, 0.08, 0.02, 0.01 });
        double[] stages = cumulative(new double[] { 0.03, 0.85, 0.04, 0.08 });
        Map<String, Map<Dimension, Map<String, Long>>> by = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (int i = 0; i < migrants; i++) {
            String municipality = municipalities.get(pick(cumulative, random));
            totals.merge(municipality, 1L, Long::sum);
            Map<Dimension, Map<String, Long>> counts = by.computeIfAbsent(municipality,
                    ignored -> new EnumMap<>(Dimension.class));
            count(counts, Dimension.DESTINATION_COUNTRY, DESTINATIONS[pick(destinations, random)]);
            count(counts, Dimension.SEX, random.nextDouble() < 0.55 ? "MALE" : "FEMALE");
            count(counts, Dimension.AGE_BAND, "BAND_" + pick(ages, random));
            count(counts, Dimension.LIFECYCLE_STAGE, "STAGE_" + pick(stages, random));
        }
        Map<String, MigrantTally> tallies = new TreeMap<>();
        totals.forEach((municipality, total) -> tallies.put(municipality,
                new MigrantTally(total, Math.max(1, total * 10 / 23), by.get(municipality))));
        return tallies;
    }

    private static void count(Map<Dimension, Map<String, Long>> counts, Dimension dimension, String value) {
        counts.computeIfAbsent(dimension, ignored -> new TreeMap<>()).merge(value, 1L, Long::sum);
    }

    private static double[] zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
        }
        return weights;
    }

    private static double[] cumulative(double[] weights) {
        double total = java.util.Arrays.stream(weights).sum();
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        double draw = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}

package org.diasporadesk.registry.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.diasporadesk.registry.imports.GeorgianNames.Name;

/**
 * Writes an import file shaped like the real project's: households of one to three migrants, names at realistic
 * Georgian frequencies ({@link GeorgianNames}) written in Georgian, Cyrillic or Latin letters, phones in
 * international, national and 00-prefixed formats, about 2% bad rows, and about 3% of migrants reported a second
 * time, as happens when two relatives each tell the office: another household (another relative, in 30% of cases
 * another municipality), the name in another script, the number in another format (or a newer number, or none),
 * sometimes the birth year one off or left out, now and then another destination. Seeded, so that every run writes
 * the same file; the re-reported pairs are returned, to measure duplicate detection against.
 */
final class ImportFileGenerator {

    static final String[] HEADER = { "external_id", "household_ref", "municipality_code", "locality", "informant_name",
            "informant_relation", "informant_phone", "given_name", "family_name", "name_latin", "sex", "birth_year",
            "destination_country", "destination_city", "departure_year", "language", "phone", "email",
            "lifecycle_stage", "consent_hotline", "consent_outreach", "consent_statistics", "collected_by",
            "collected_on" };

    /** Destination, city, a national mobile prefix, and how many of the municipalities' migrants go there. */
    private static final String[][] DESTINATIONS = { { "GR", "Athens", "694" }, { "IT", "Rome", "345" },
            { "RU", "Moscow", "916" }, { "TR", "Istanbul", "532" }, { "DE", "Berlin", "170" },
            { "US", "New York", "2127" } };
    private static final int[] DESTINATION_WEIGHT = { 30, 22, 15, 13, 12, 8 };
    private static final String[] GEORGIAN_MOBILE = { "591", "592", "593", "595", "596", "597", "598", "599" };
    private static final String[] MUNICIPALITIES = { "GE-IM-KUTAISI", "GE-IM-TKIBULI", "GE-IM-ZESTAPONI",
            "GE-IM-CHIATURA" };
    private static final String[] RELATIONS = { "mother", "father", "wife", "brother", "sister", "son", "daughter" };
    private static final double RE_REPORTED = 0.03;

    /** A migrant reported twice: the first row's and the second row's municipality and external id. */
    record ReReported(String municipality, String externalId, String againMunicipality, String againExternalId) {
    }

    /** A migrant as first reported, remembered until their second report is written. */
    private record Reported(String municipality, String externalId, Name given, Name family, boolean female,
            int birthYear, String[] destination, int phoneSeed, int phoneFormat, int script) {
    }

    private ImportFileGenerator() {
    }

    static List<ReReported> write(Path file, int rows) throws IOException {
        return write(file, 0, rows);
    }

    /**
     * Rows numbered from {@code firstRow}, households likewise: files that do not overlap share no
     * {@code external_id} or {@code household_ref}, so that one can be imported after the other. Migrant phones
     * derive from the row number too, but repeat every million rows for destinations with six subscriber digits.
     */
    static List<ReReported> write(Path file, int firstRow, int rows) throws IOException {
        Random random = new Random(17_356L + firstRow);
        List<ReReported> reReported = new ArrayList<>();
        Deque<Reported> toReportAgain = new ArrayDeque<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            int[] row = { firstRow };
            int household = firstRow;
            int end = firstRow + rows;
            while (row[0] < end) {
                household++;
                if (!toReportAgain.isEmpty() && (random.nextBoolean() || toReportAgain.size() >= end - row[0])) {
                    reReported.add(reportAgain(csv, random, toReportAgain.poll(), row[0]++, household));
                    continue;
                }
                String municipality = MUNICIPALITIES[household % MUNICIPALITIES.length];
                Name family = GeorgianNames.family(random);
                Name informant = GeorgianNames.given(random, true);
                int members = Math.min(end - row[0] - toReportAgain.size(), 1 + random.nextInt(3));
                // 590 is not a Georgian mobile prefix: about 2% of households carry such a mistyped number.
                String informantPhone = georgianMobile(random, random.nextInt(50) == 0);
                for (int m = 0; m < members; m++, row[0]++) {
                    boolean female = random.nextInt(3) == 0;
                    Reported migrant = new Reported(municipality, "ext-" + row[0], GeorgianNames.given(random, female),
                            family, female, birthYear(random), DESTINATIONS[pick(random, DESTINATION_WEIGHT)], row[0],
                            random.nextInt(3), script(random));
                    boolean bad = random.nextInt(50) == 0;
                    write(csv, random, migrant, "hh-" + household, informant.in(migrant.script()) + " "
                            + family.in(migrant.script()), "mother", informantPhone,
                            bad && m == 0 ? "?" : migrant.female() ? "F" : "M",
                            Integer.toString(migrant.birthYear()), migrant.destination(),
                            bad && m != 0 ? "12345" : phone(migrant.destination(), row[0], migrant.phoneFormat()),
                            migrant.script());
                    if (!bad && random.nextDouble() < RE_REPORTED) {
                        toReportAgain.add(migrant);
                    }
                }
            }
        }
        return reReported;
    }

    /** The same migrant told by another relative, in another household of the file. */
    private static ReReported reportAgain(CSVPrinter csv, Random random, Reported first, int row, int household)
            throws IOException {
        String municipality = random.nextInt(10) < 3 ? MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)]
                : first.municipality();
        int script = (first.script() + 1 + random.nextInt(2)) % 3;
        int phoneDraw = random.nextInt(10);
        String phone = phoneDraw < 7 ? phone(first.destination(), first.phoneSeed(), (first.phoneFormat() + 1) % 3)
                : phoneDraw < 9 ? phone(first.destination(), row, random.nextInt(3)) : "";
        int yearDraw = random.nextInt(20);
        String birthYear = yearDraw < 15 ? Integer.toString(first.birthYear())
                : yearDraw < 19 ? Integer.toString(first.birthYear() + (random.nextBoolean() ? 1 : -1)) : "";
        String[] destination = random.nextInt(10) == 0 ? DESTINATIONS[pick(random, DESTINATION_WEIGHT)]
                : first.destination();
        Reported again = new Reported(municipality, "ext-" + row, first.given(), first.family(), first.female(),
                first.birthYear(), destination, row, random.nextInt(3), script);
        Name relative = GeorgianNames.given(random, random.nextBoolean());
        write(csv, random, again, "hh-" + household, relative.in(script) + " " + first.family().in(script),
                RELATIONS[random.nextInt(RELATIONS.length)], georgianMobile(random, false), first.female() ? "F" : "M",
                birthYear, destination, phone, script);
        return new ReReported(first.municipality(), first.externalId(), municipality, "ext-" + row);
    }

    private static void write(CSVPrinter csv, Random random, Reported migrant, String householdRef,
            String informantName, String relation, String informantPhone, String sex, String birthYear,
            String[] destination, String phone, int script) throws IOException {
        boolean latin = script == 2;
        csv.printRecord(migrant.externalId(), householdRef, migrant.municipality(),
                "Village " + Math.abs(householdRef.hashCode()) % 300, informantName, relation, informantPhone,
                latin ? "" : migrant.given().in(script), latin ? "" : migrant.family().in(script),
                latin ? migrant.given().latin() + " " + migrant.family().latin() : "", sex, birthYear, destination[0],
                destination[1], Integer.toString(2000 + random.nextInt(25)), script == 1 ? "ru" : "ka", phone, "",
                "abroad", "yes", random.nextBoolean() ? "yes" : "no", random.nextInt(10) == 0 ? "no" : "yes",
                "officer-" + migrant.municipality(), "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
    }

    /** Georgian, Cyrillic or Latin letters, as the relative wrote. */
    private static int script(Random random) {
        int draw = random.nextInt(10);
        return draw < 5 ? 0 : draw < 7 ? 1 : 2;
    }

    /** Migrants of working age, most born 1970-2000. */
    private static int birthYear(Random random) {
        return (int) Math.round(Math.max(1955, Math.min(2006, 1986 + random.nextGaussian() * 9)));
    }

    private static String georgianMobile(Random random, boolean mistyped) {
        String prefix = mistyped ? "590" : GEORGIAN_MOBILE[random.nextInt(GEORGIAN_MOBILE.length)];
        return prefix + " " + twoDigits(random) + " " + twoDigits(random) + " " + twoDigits(random);
    }

    /** Unique numbers (the seed is in them) in the formats families use: +CC, 00CC, national. */
    private static String phone(String[] destination, int seed, int format) {
        int digits = 10 - destination[2].length();
        String subscriber = String.format("%0" + digits + "d", seed % (int) Math.pow(10, digits));
        String countryCode = switch (destination[0]) {
            case "GR" -> "30";
            case "IT" -> "39";
            case "DE" -> "49";
            case "RU" -> "7";
            case "TR" -> "90";
            default -> "1";
        };
        String national = destination[2] + subscriber;
        return switch (format) {
            case 0 -> "+" + countryCode + " " + national;
            case 1 -> "00" + countryCode + national;
            default -> (destination[0].equals("RU") ? "8" : destination[0].equals("TR") ? "0" : "") + national;
        };
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int drawn = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            drawn -= weights[i];
            if (drawn < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String twoDigits(Random random) {
        return String.format("%02d", random.nextInt(100));
    }
}

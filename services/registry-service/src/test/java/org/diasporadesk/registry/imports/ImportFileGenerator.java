package org.diasporadesk.registry.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an import file shaped like the real project's: households of one to three migrants, names in
 * Georgian, Cyrillic or Latin letters, phones in international, national and 00-prefixed formats, and about
 * 2% bad rows. Seeded, so that every run imports the same file.
 */
final class ImportFileGenerator {

    static final String[] HEADER = { "external_id", "household_ref", "municipality_code", "locality", "informant_name",
            "informant_relation", "informant_phone", "given_name", "family_name", "name_latin", "sex", "birth_year",
            "destination_country", "destination_city", "departure_year", "language", "phone", "email",
            "lifecycle_stage", "consent_hotline", "consent_outreach", "consent_statistics", "collected_by",
            "collected_on" };

    private static final String[][] GIVEN = { { "გიორგი", "Георгий", "Giorgi" }, { "ნინო", "Нино", "Nino" },
            { "დავით", "Давид", "Davit" }, { "თამარ", "Тамар", "Tamar" }, { "ლევან", "Леван", "Levan" },
            { "მარიამ", "Мариам", "Mariam" }, { "ზურაბ", "Зураб", "Zurab" }, { "ეკა", "Эка", "Eka" },
            { "ვახტანგ", "Вахтанг", "Vakhtang" }, { "ქეთევან", "Кетеван", "Ketevan" } };
    /** Family names are built from these, in the three scripts at once: 12 x 12 x 4 = 576 families. */
    private static final String[][] SYLLABLES = { { "ბე", "Бе", "Be" }, { "რი", "ри", "ri" }, { "კა", "ка", "ka" },
            { "ლო", "ло", "lo" }, { "მი", "ми", "mi" }, { "გე", "ге", "ge" }, { "და", "да", "da" }, { "ნა", "на", "na" },
            { "სა", "са", "sa" }, { "თო", "то", "to" }, { "ხა", "ха", "kha" }, { "წი", "ци", "tsi" } };
    private static final String[][] SUFFIXES = { { "ძე", "дзе", "dze" }, { "შვილი", "швили", "shvili" },
            { "ია", "ия", "ia" }, { "ანი", "ани", "ani" } };
    /** Kept for the informants' names. */
    private static final String[][] FAMILY = { { "ბერიძე", "Беридзе", "Beridze" },
            { "კაპანაძე", "Капанадзе", "Kapanadze" }, { "გელაშვილი", "Гелашвили", "Gelashvili" },
            { "მაისურაძე", "Майсурадзе", "Maisuradze" }, { "ლომიძე", "Ломидзе", "Lomidze" },
            { "წიკლაური", "Циклаури", "Tsiklauri" }, { "ხარაიშვილი", "Хараишвили", "Kharaishvili" },
            { "ჯაფარიძე", "Джапаридзе", "Japaridze" }, { "ქავთარაძე", "Кавтарадзе", "Kavtaradze" },
            { "მგელაძე", "Мгеладзе", "Mgeladze" } };
    /** Destination, city, a national mobile prefix and the way families write such numbers. */
    private static final String[][] DESTINATIONS = { { "GR", "Athens", "694" }, { "IT", "Rome", "345" },
            { "DE", "Berlin", "170" }, { "RU", "Moscow", "916" }, { "TR", "Istanbul", "532" },
            { "US", "New York", "2127" } };
    private static final String[] GEORGIAN_MOBILE = { "591", "592", "593", "595", "596", "597", "598", "599" };
    private static final String[] MUNICIPALITIES = { "GE-IM-KUTAISI", "GE-IM-ZESTAPONI", "GE-IM-TERJOLA",
            "GE-IM-SAMTREDIA" };

    private ImportFileGenerator() {
    }

    static void write(Path file, int rows) throws IOException {
        write(file, 0, rows);
    }

    /**
     * Rows numbered from {@code firstRow}, households likewise: files that do not overlap share no
     * {@code external_id} or {@code household_ref}, so that one can be imported after the other. Migrant phones
     * derive from the row number too, but repeat every million rows for destinations with six subscriber digits.
     */
    static void write(Path file, int firstRow, int rows) throws IOException {
        Random random = new Random(17_356L + firstRow);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            int row = firstRow;
            int household = firstRow;
            int end = firstRow + rows;
            while (row < end) {
                household++;
                String municipality = MUNICIPALITIES[household % MUNICIPALITIES.length];
                int family = random.nextInt(FAMILY.length);
                String[] familyName = familyName(random);
                int members = Math.min(end - row, 1 + random.nextInt(3));
                // 590 and 594 are not Georgian mobile prefixes: about 2% of households carry such a mistyped number.
                String prefix = random.nextInt(50) == 0 ? "590" : GEORGIAN_MOBILE[random.nextInt(GEORGIAN_MOBILE.length)];
                String informantPhone = prefix + " " + twoDigits(random) + " " + twoDigits(random) + " " + twoDigits(random);
                for (int m = 0; m < members; m++, row++) {
                    int script = random.nextInt(3);
                    String[] destination = DESTINATIONS[random.nextInt(DESTINATIONS.length)];
                    boolean bad = random.nextInt(50) == 0;
                    csv.printRecord("ext-" + row, "hh-" + household, municipality, "Village " + household % 300,
                            FAMILY[family][0] + " " + GIVEN[random.nextInt(GIVEN.length)][0], "parent", informantPhone,
                            script == 2 ? "" : GIVEN[(row + household) % GIVEN.length][script],
                            script == 2 ? "" : familyName[script],
                            script == 2 ? GIVEN[(row + household) % GIVEN.length][2] + " " + familyName[2] : "",
                            bad && m == 0 ? "?" : random.nextBoolean() ? "F" : "M",
                            Integer.toString(1955 + random.nextInt(50)), destination[0], destination[1],
                            Integer.toString(2000 + random.nextInt(25)), script == 1 ? "ru" : "ka",
                            bad && m != 0 ? "12345" : phone(random, destination, row), "", "abroad",
                            "yes", random.nextBoolean() ? "yes" : "no", random.nextInt(10) == 0 ? "no" : "yes",
                            "officer-" + municipality, "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                }
            }
        }
    }

    private static String[] familyName(Random random) {
        String[] first = SYLLABLES[random.nextInt(SYLLABLES.length)];
        String[] second = SYLLABLES[random.nextInt(SYLLABLES.length)];
        String[] suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
        String[] name = new String[3];
        for (int script = 0; script < 3; script++) {
            name[script] = first[script] + second[script].toLowerCase() + suffix[script];
        }
        return name;
    }

    /** Unique numbers (the row is in them) in the formats families use: +CC, 00CC, national. */
    private static String phone(Random random, String[] destination, int row) {
        int digits = 10 - destination[2].length();
        String subscriber = String.format("%0" + digits + "d", row % (int) Math.pow(10, digits));
        String countryCode = switch (destination[0]) {
            case "GR" -> "30";
            case "IT" -> "39";
            case "DE" -> "49";
            case "RU" -> "7";
            case "TR" -> "90";
            default -> "1";
        };
        String national = destination[2] + subscriber;
        return switch (random.nextInt(3)) {
            case 0 -> "+" + countryCode + " " + national;
            case 1 -> "00" + countryCode + national;
            default -> (destination[0].equals("RU") ? "8" : destination[0].equals("TR") ? "0" : "") + national;
        };
    }

    private static String twoDigits(Random random) {
        return String.format("%02d", random.nextInt(100));
    }
}

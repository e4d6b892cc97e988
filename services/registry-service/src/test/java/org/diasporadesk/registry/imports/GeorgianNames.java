package org.diasporadesk.registry.imports;

import java.util.Map;
import java.util.Random;

/**
 * Georgian names drawn at realistic frequencies, in Georgian letters and spelt as families write them in Latin and
 * Cyrillic letters. Family names: the forty most common of the country, weighted by their bearers (civil registry
 * order: Beridze about 24,000, Kapanadze 18,000 and so on down to about 4,500), for 30% of people, and a long tail of
 * rarer names built from syllables for the others; given names: the most frequent of each sex, weighted roughly as
 * their share of men and women born 1960-2000 (Giorgi and Nino far ahead). Collisions of whole names are then as
 * frequent as in a municipality, which is what makes duplicate detection by name hard.
 */
final class GeorgianNames {

    private static final String[] FAMILY = { "ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "გიორგაძე", "ლომიძე",
            "წიკლაური", "ბოლქვაძე", "კვარაცხელია", "ნოზაძე", "ხუციშვილი", "შენგელია", "აბულაძე", "მიქელაძე",
            "ტაბატაძე", "მჭედლიშვილი", "ბაქრაძე", "გოგოლაძე", "დოლიძე", "კიკნაძე", "ჯაფარიძე", "ხარაიშვილი",
            "ქავთარაძე", "მგელაძე", "ჩხეიძე", "სამხარაძე", "ცერცვაძე", "ხურციძე", "ლორთქიფანიძე", "გოგია",
            "ჯანელიძე", "მამულაშვილი", "ჭელიძე", "კვირიკაშვილი", "ნადირაძე", "ღლონტი", "ჩიქოვანი", "ცხადაძე",
            "გაბუნია", "ბურჯანაძე" };
    /** Bearers in thousands, in {@link #FAMILY}'s order. */
    private static final double[] FAMILY_WEIGHT = { 24, 18, 17, 15, 13.5, 12, 11.5, 11, 10.5, 10, 10, 9.5, 9.5, 9, 9,
            8.5, 8.5, 8, 8, 7.5, 7.5, 7, 7, 7, 6.5, 6.5, 6, 6, 5.5, 5.5, 5.5, 5, 5, 5, 5, 5, 4.5, 4.5, 4.5, 4.5 };
    private static final double COMMON_FAMILY_SHARE = 0.30;
    /** The long tail: 14 x 14 x 3 = 588 names, each rare. */
    private static final String[] FIRST = { "ბა", "გე", "და", "ვა", "ზო", "თე", "კი", "ლა", "მე", "ნო", "სა", "ტყ",
            "ფა", "ხო" };
    private static final String[] SECOND = { "რი", "ლა", "ნი", "მა", "ქა", "თი", "შა", "ჩი", "ვე", "ბუ", "გო", "დე",
            "სი", "წა" };
    private static final String[] SUFFIX = { "ძე", "შვილი", "ია" };

    private static final String[] MALE = { "გიორგი", "დავით", "ლევან", "ზურაბ", "ირაკლი", "ალექსანდრე", "ნიკოლოზ",
            "გოჩა", "მამუკა", "თამაზ", "ვახტანგ", "ლაშა", "გელა", "ზაზა", "კახა", "პაატა", "ნოდარ", "მერაბ", "გია",
            "კობა", "თემურ", "ბექა", "ოთარ", "რევაზ", "ჯემალ", "შოთა", "ბადრი", "მიხეილ", "არჩილ", "თენგიზ" };
    private static final double[] MALE_WEIGHT = { 9, 5, 4, 3.5, 3.5, 3, 3, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2, 2, 2,
            2, 2, 2, 2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5 };
    private static final String[] FEMALE = { "ნინო", "თამარ", "მარიამ", "ქეთევან", "მაია", "მანანა", "ნანა", "ნათია",
            "ეკა", "ლელა", "თეა", "ხათუნა", "ირმა", "მარინა", "ლია", "ნატო", "სალომე", "ანა", "სოფიო", "ინგა", "ლალი",
            "ციური", "მედეა", "ელენე", "ნანი", "რუსუდან", "დიანა", "თეონა" };
    private static final double[] FEMALE_WEIGHT = { 8, 6, 4, 4, 4, 3.5, 3.5, 3, 3, 3, 3, 2.5, 2.5, 2.5, 2.5, 2, 2, 2, 2,
            2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5 };

    /** How families spell each Georgian letter in Latin and Cyrillic letters (not a romanisation standard). */
    private static final Map<Character, String[]> LETTERS = Map.ofEntries(Map.entry('ა', sp("a", "а")),
            Map.entry('ბ', sp("b", "б")), Map.entry('გ', sp("g", "г")), Map.entry('დ', sp("d", "д")),
            Map.entry('ე', sp("e", "е")), Map.entry('ვ', sp("v", "в")), Map.entry('ზ', sp("z", "з")),
            Map.entry('თ', sp("t", "т")), Map.entry('ი', sp("i", "и")), Map.entry('კ', sp("k", "к")),
            Map.entry('ლ', sp("l", "л")), Map.entry('მ', sp("m", "м")), Map.entry('ნ', sp("n", "н")),
            Map.entry('ო', sp("o", "о")), Map.entry('პ', sp("p", "п")), Map.entry('ჟ', sp("zh", "ж")),
            Map.entry('რ', sp("r", "р")), Map.entry('ს', sp("s", "с")), Map.entry('ტ', sp("t", "т")),
            Map.entry('უ', sp("u", "у")), Map.entry('ფ', sp("p", "п")), Map.entry('ქ', sp("k", "к")),
            Map.entry('ღ', sp("gh", "г")), Map.entry('ყ', sp("q", "к")), Map.entry('შ', sp("sh", "ш")),
            Map.entry('ჩ', sp("ch", "ч")), Map.entry('ც', sp("ts", "ц")), Map.entry('ძ', sp("dz", "дз")),
            Map.entry('წ', sp("ts", "ц")), Map.entry('ჭ', sp("ch", "ч")), Map.entry('ხ', sp("kh", "х")),
            Map.entry('ჯ', sp("j", "дж")), Map.entry('ჰ', sp("h", "х")));

    /** A name in the three scripts: Georgian, Latin, Cyrillic. */
    record Name(String georgian, String latin, String cyrillic) {

        String in(int script) {
            return switch (script) {
                case 0 -> georgian;
                case 1 -> cyrillic;
                default -> latin;
            };
        }
    }

    private GeorgianNames() {
    }

    static Name family(Random random) {
        if (random.nextDouble() < COMMON_FAMILY_SHARE) {
            return spelt(FAMILY[pick(random, FAMILY_WEIGHT)]);
        }
        return spelt(FIRST[random.nextInt(FIRST.length)] + SECOND[random.nextInt(SECOND.length)]
                + SUFFIX[random.nextInt(SUFFIX.length)]);
    }

    static Name given(Random random, boolean female) {
        return female ? spelt(FEMALE[pick(random, FEMALE_WEIGHT)]) : spelt(MALE[pick(random, MALE_WEIGHT)]);
    }

    static Name spelt(String georgian) {
        StringBuilder latin = new StringBuilder();
        StringBuilder cyrillic = new StringBuilder();
        for (int i = 0; i < georgian.length(); i++) {
            String[] spelling = LETTERS.get(georgian.charAt(i));
            boolean afterVowel = i > 0 && "აეიოუ".indexOf(georgian.charAt(i - 1)) >= 0;
            latin.append(spelling[0]);
            // Russian writes a Georgian "e" at the start of a word or after a vowel as "э", not "е" (ye).
            cyrillic.append(georgian.charAt(i) == 'ე' && (i == 0 || afterVowel) ? "э" : spelling[1]);
        }
        return new Name(georgian, capitalised(latin.toString()), capitalised(cyrillic.toString()));
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double drawn = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            drawn -= weights[i];
            if (drawn < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
    }

    private static String[] sp(String latin, String cyrillic) {
        return new String[] { latin, cyrillic };
    }
}

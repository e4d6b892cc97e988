package org.diasporadesk.registry.household.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.ibm.icu.text.Transliterator;

/**
 * Turns a name written in Georgian, Cyrillic or Latin letters into comparable Latin tokens, so that
 * ვახტანგ ბერიძე, Вахтанг Беридзе and Vakhtang Beridze give the same tokens ({@code vahtang}, {@code beridze}).
 *
 * <p>ICU4J does the transliteration (BGN/PCGN romanisation for Georgian and Russian, then any other script).
 * The folding after it is ours, because it is matching policy rather than transliteration: families and
 * officials spell the same sound differently in Latin letters (kh, x or h; ts or c; dzh, zh or j), and
 * Georgian ejectives carry an apostrophe in romanisation but never in everyday spelling.
 *
 * <p>Each word is folded once and remembered: a country's names are a few thousand words repeated, and
 * transliterating them again was 40% of an import's CPU time (profile in docs/measurements.md). A word folds the
 * same alone as within its name (compared on Georgian, Cyrillic, Greek, Han and accented Latin names): the
 * romanisation rules look no further than the word.
 */
public final class NameFolding {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Bounded, so that memory stays flat for any number of names; some 20 MB when full. */
    private static final LoadingCache<String, List<String>> FOLDED_WORDS = Caffeine.newBuilder()
        .maximumSize(100_000)
        .build(NameFolding::foldWord);

    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(() -> Transliterator
        .getInstance("Georgian-Latin/BGN; Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower"));

    /** Applied in order; earlier rules see the longer spellings first. */
    private static final String[][] FOLDS = { { "dzh", "j" }, { "zh", "j" }, { "kh", "h" }, { "x", "h" },
            { "tch", "c" }, { "ts", "c" }, { "ch", "c" }, { "sh", "s" }, { "ph", "p" }, { "gh", "g" }, { "q", "k" },
            { "w", "v" }, { "iy", "i" },
            { "ij", "i" }, { "y", "i" } };

    private NameFolding() {
    }

    /** The folded tokens of a name, in their order; empty for a blank or missing name. */
    public static List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        if (name == null || name.isBlank()) {
            return tokens;
        }
        for (String word : WHITESPACE.split(name.strip())) {
            tokens.addAll(FOLDED_WORDS.get(word));
        }
        return tokens;
    }

    /** A word's tokens: one, or more where transliteration splits it (a hyphenated name). */
    private static List<String> foldWord(String word) {
        List<String> tokens = new ArrayList<>();
        String latin = TO_LATIN.get().transliterate(word).toLowerCase(Locale.ROOT);
        for (String part : latin.split("[^a-z']+")) {
            String folded = fold(part.replace("'", ""));
            if (!folded.isEmpty()) {
                tokens.add(folded);
            }
        }
        return List.copyOf(tokens);
    }

    /** The single folded token of a one-word name part (a family name), or an empty string. */
    public static String token(String namePart) {
        return String.join("", tokens(namePart));
    }

    private static String fold(String word) {
        String folded = word;
        for (String[] rule : FOLDS) {
            folded = folded.replace(rule[0], rule[1]);
        }
        StringBuilder single = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            if (i == 0 || folded.charAt(i) != folded.charAt(i - 1)) {
                single.append(folded.charAt(i));
            }
        }
        return single.toString();
    }
}

package org.diasporadesk.outreach.replies.application;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The replies that mean "no more messages", in the languages of the diaspora and of its destination countries.
 * A reply is a stop word when, trimmed, upper-cased and without accents, it is one of these (so "Stop",
 * "stop!" and "ARRÊT" count; "stop sending me the training dates" does not: that is a message for a person).
 * No maintained multilingual list exists as a library; carriers publish their own few English words, which
 * are here too.
 */
public final class StopWords {

    private static final Set<String> WORDS = Stream.of(
            // English, and the carriers' standard keywords
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT OUT",
            // Georgian
            "შეწყვეტა", "გაჩერება", "სტოპ",
            // Russian, Ukrainian
            "СТОП", "ОТПИСАТЬСЯ", "ОТПИСКА", "ВІДПИСАТИСЯ",
            // Armenian, Azerbaijani
            "ՍՏՈՊ", "ԴԱԴԱՐԵՑՆԵԼ", "DAYANDIR",
            // Greek, Turkish
            "ΣΤΟΠ", "ΔΙΑΓΡΑΦΗ", "DUR", "IPTAL",
            // German, Italian, French, Spanish, Portuguese, Polish
            "STOPP", "ABMELDEN", "BASTA", "DISISCRIVITI", "ARRET", "DESABONNER", "ALTO", "BAJA", "PARAR", "SAIR",
            "NIE", "WYPISZ",
            // Filipino, Tagalog
            "TIGIL", "HINTO")
        // Written as they are spelled, compared as plain(): Georgian upper-cases into Mtavruli, for one.
        .map(StopWords::plain)
        .collect(Collectors.toUnmodifiableSet());

    private StopWords() {
    }

    public static boolean isStop(String reply) {
        return reply != null && WORDS.contains(plain(reply));
    }

    /** Trimmed, without trailing punctuation and accents, upper case. */
    private static String plain(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
            .replaceAll("[\\p{Punct}]+$", "").toUpperCase(Locale.ROOT);
    }
}

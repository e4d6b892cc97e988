package org.diasporadesk.registry.household.matching.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.diasporadesk.registry.household.domain.Migrant;

/**
 * The match keys of a migrant: HMAC-SHA256, under the registry's secret, of each phone (E.164) and of the
 * folded name with the birth year. Records are compared by these keys only, so that the duplicate index
 * holds no names or numbers and an office can learn that another office may hold the same person without
 * learning anything about that person.
 *
 * <p>A record is indexed under its exact birth year; a lookup also tries the year before and after, since
 * families often misremember the year by one. An unknown birth year is its own value.
 */
public final class MatchKeys {

    private static final String UNKNOWN_YEAR = "?";

    private final SecretKeySpec secret;

    public MatchKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the match-key secret needs at least 16 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The keys a migrant is indexed under. */
    public List<MatchKey> indexKeys(Migrant migrant) {
        return keys(migrant, false);
    }

    /** The keys to look up when checking a migrant for duplicates: index keys plus neighbouring birth years. */
    public List<MatchKey> lookupKeys(Migrant migrant) {
        return keys(migrant, true);
    }

    private List<MatchKey> keys(Migrant migrant, boolean neighbouringYears) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        for (String phone : migrant.phones()) {
            keys.add(new MatchKey(hmac("phone|" + phone)));
        }
        for (String name : foldedNames(migrant)) {
            for (String year : years(migrant.birthYear(), neighbouringYears)) {
                keys.add(new MatchKey(hmac("name|" + name + "|" + year)));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The name in the local script and the Latin name, each folded to sorted tokens (so that "Beridze Vakhtang"
     * and "Vakhtang Beridze" agree); usually both give the same value. A single-token name is too weak to match on.
     */
    static Set<String> foldedNames(Migrant migrant) {
        Set<String> names = new LinkedHashSet<>();
        String local = String.join(" ", nonNull(migrant.givenName()), nonNull(migrant.familyName()));
        for (String name : List.of(local, nonNull(migrant.nameLatin()))) {
            TreeSet<String> tokens = new TreeSet<>(NameFolding.tokens(name));
            if (tokens.size() >= 2) {
                names.add(String.join(" ", tokens));
            }
        }
        return names;
    }

    private static List<String> years(Integer birthYear, boolean neighbouring) {
        if (birthYear == null) {
            return List.of(UNKNOWN_YEAR);
        }
        List<String> years = new ArrayList<>(List.of(Integer.toString(birthYear)));
        if (neighbouring) {
            years.add(Integer.toString(birthYear - 1));
            years.add(Integer.toString(birthYear + 1));
            years.add(UNKNOWN_YEAR);
        }
        return years;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

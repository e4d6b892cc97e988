package org.diasporadesk.reporting.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rounding of every shown count to a multiple of a base b: a count c is published as b * floor((c + o) / b),
 * where the offset o, from 0 to b-1, is fixed for the cell by a keyed hash of its name. It is random rounding made
 * deterministic, as the cell key method makes noise deterministic: the same cell with the same count always shows
 * the same value, so asking again or averaging gains nothing, and because a cell's rounding points are secret, a
 * shown value never tells where in its band of b the count lies. A single registration, correction or erasure
 * moves a cell's published value in one case out of b, and then by b, never by 1. Zero stays zero, and a count of
 * b or more never shows as zero. Totals are rounded on their own: parts need not add up to their total.
 */
final class KeyedRounding {

    private static final String ALGORITHM = "HmacSHA256";

    /** Exact counts. */
    static final KeyedRounding NONE = new KeyedRounding(1, null);

    private final int base;
    private final SecretKeySpec key;

    KeyedRounding(int base, String secret) {
        if (base < 1) {
            throw new IllegalArgumentException("the rounding base is at least 1 (no rounding), was " + base);
        }
        if (base > 1 && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("rounding needs a secret key: set ddesk.reporting.disclosure.key");
        }
        this.base = base;
        this.key = base > 1 ? new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM) : null;
    }

    int base() {
        return base;
    }

    long round(String cell, long count) {
        if (base == 1 || count == 0) {
            return count;
        }
        long magnitude = Math.abs(count);
        long rounded = Math.max(base, base * Math.floorDiv(magnitude + offset(cell), base));
        return count < 0 ? -rounded : rounded;
    }

    private long offset(String cell) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(cell.getBytes(StandardCharsets.UTF_8));
            return Integer.toUnsignedLong(ByteBuffer.wrap(digest).getInt()) % base;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.diasporadesk.events.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Age bands used in statistics. Statistical facts carry the band, never the birth year, so that a
 * published fact cannot be joined back to a person by exact age.
 */
public enum AgeBand {
    @JsonProperty("0-17") UNDER_18(0, 17),
    @JsonProperty("18-24") FROM_18_TO_24(18, 24),
    @JsonProperty("25-34") FROM_25_TO_34(25, 34),
    @JsonProperty("35-44") FROM_35_TO_44(35, 44),
    @JsonProperty("45-54") FROM_45_TO_54(45, 54),
    @JsonProperty("55-64") FROM_55_TO_64(55, 64),
    @JsonProperty("65+") FROM_65(65, Integer.MAX_VALUE),
    @JsonProperty("unknown") UNKNOWN(-1, -1);

    private final int from;
    private final int to;

    AgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The youngest age in the band; -1 for UNKNOWN. */
    public int fromAge() {
        return from;
    }

    /** The oldest age in the band; {@link Integer#MAX_VALUE} for the open top band, -1 for UNKNOWN. */
    public int toAge() {
        return to;
    }

    /** The band of someone born in {@code birthYear}, as of {@code referenceYear}; unknown birth year gives UNKNOWN. */
    public static AgeBand of(Integer birthYear, int referenceYear) {
        if (birthYear == null || birthYear > referenceYear) {
            return UNKNOWN;
        }
        int age = referenceYear - birthYear;
        for (AgeBand band : values()) {
            if (age >= band.from && age <= band.to) {
                return band;
            }
        }
        return UNKNOWN;
    }
}

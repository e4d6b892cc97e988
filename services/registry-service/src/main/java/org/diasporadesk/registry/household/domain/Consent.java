package org.diasporadesk.registry.household.domain;

/** Consent per purpose, as the family or the migrant gave it. */
public record Consent(boolean hotline, boolean outreach, boolean statistics) {

    public boolean given(ConsentPurpose purpose) {
        return switch (purpose) {
            case HOTLINE -> hotline;
            case OUTREACH -> outreach;
            case STATISTICS -> statistics;
        };
    }

    public Consent with(ConsentPurpose purpose, boolean granted) {
        return switch (purpose) {
            case HOTLINE -> new Consent(granted, outreach, statistics);
            case OUTREACH -> new Consent(hotline, granted, statistics);
            case STATISTICS -> new Consent(hotline, outreach, granted);
        };
    }
}

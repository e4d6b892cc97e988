package org.diasporadesk.registry.household.domain;

/** Consent per purpose, as the family or the migrant gave it. */
public record Consent(boolean hotline, boolean outreach, boolean statistics) {

    /** Nothing consented to, as for a family member whose consent was never asked. */
    public static final Consent NONE = new Consent(false, false, false);

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

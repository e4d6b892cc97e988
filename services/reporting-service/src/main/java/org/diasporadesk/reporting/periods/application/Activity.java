package org.diasporadesk.reporting.periods.application;

/**
 * What happened in a unit of the territory over a period: households (and their migrants with consent to
 * statistics) recorded, and hotline tickets opened. Raw counts, held inside the service only; what leaves it goes
 * through small-cell suppression. Differences (late adjustments) may be negative.
 */
public record Activity(long migrantsRecorded, long householdsRecorded, long ticketsOpened) {

    public static final Activity NONE = new Activity(0, 0, 0);

    public Activity plus(Activity other) {
        return new Activity(migrantsRecorded + other.migrantsRecorded, householdsRecorded + other.householdsRecorded,
                ticketsOpened + other.ticketsOpened);
    }

    public Activity minus(Activity other) {
        return new Activity(migrantsRecorded - other.migrantsRecorded, householdsRecorded - other.householdsRecorded,
                ticketsOpened - other.ticketsOpened);
    }
}

package org.diasporadesk.hotline.partners.application;

/**
 * An organisation the office refers callers to: a consulate, a national agency, an NGO. The list is managed
 * by administrators; a partner no longer worked with is deactivated, not deleted, so old referrals keep
 * their name.
 *
 * @param country ISO 3166-1 code of where the partner works (a consulate's host country), or null
 */
public record Partner(String id, String name, Kind kind, String country, String contact, boolean active) {

    public enum Kind {
        CONSULATE, NATIONAL_AGENCY, NGO, OTHER
    }
}

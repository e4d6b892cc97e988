package org.diasporadesk.chassis.security;

/** The roles of the people who use Diaspora Desk, as carried in the token's {@code roles} claim. */
public enum Role {
    REGISTRY_OFFICER,
    /** Heads an office: approves what needs a second person (an erasure), sees the office's whole work. */
    SUPERVISOR,
    HOTLINE_AGENT,
    OUTREACH_COORDINATOR,
    REGIONAL_PLANNER,
    NATIONAL_PLANNER,
    ADMINISTRATOR;

    /** The Spring Security authority, for {@code hasRole(...)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}

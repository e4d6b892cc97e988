package org.diasporadesk.chassis.security;

/**
 * The JWT claims Diaspora Desk reads, whoever issues the token (the local identity server, Keycloak in
 * docker-compose, a ministry's provider): the issuer is configured to add them.
 */
public final class ActorClaims {

    /** List of {@link Role} names. */
    public static final String ROLES = "roles";
    /** Territorial unit code of the user's municipality office, for municipal roles. */
    public static final String MUNICIPALITY = "municipality";
    /** Territorial unit code of the user's region, for regional roles. */
    public static final String REGION = "region";

    private ActorClaims() {
    }
}

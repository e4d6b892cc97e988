package org.diasporadesk.chassis.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.diasporadesk.chassis.territory.Territory;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated user and the part of the territory they work in.
 *
 * @param area the municipality or region code from the token; {@code null} for national and
 *             administrative users, who cover the whole territory
 */
public record Actor(String userId, Set<Role> roles, String area) {

    private static final Set<Role> NATION_WIDE = EnumSet.of(Role.NATIONAL_PLANNER, Role.ADMINISTRATOR);

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor from(Jwt jwt) {
        List<String> roleNames = jwt.hasClaim(ActorClaims.ROLES) ? jwt.getClaimAsStringList(ActorClaims.ROLES)
                : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        String area = jwt.hasClaim(ActorClaims.MUNICIPALITY) ? jwt.getClaimAsString(ActorClaims.MUNICIPALITY)
                : jwt.getClaimAsString(ActorClaims.REGION);
        return new Actor(jwt.getSubject(), roles, area);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this user may work with data of the given territorial unit: it lies within the user's area, or
     * the user is nation-wide. A user with a territorial role but no area in the token covers nothing.
     */
    public boolean covers(String unitCode, Territory territory) {
        if (area == null) {
            return roles.stream().anyMatch(NATION_WIDE::contains);
        }
        return territory.isWithin(unitCode, area);
    }
}

package org.diasporadesk.registry.household.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what: registering, importing, reading and searching households and migrants, and asking for an
 * erasure: registry officers; approving or refusing an erasure: supervisors.
 */
@Component
class HouseholdAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/households", "/households/**", "/migrants", "/imports",
                "/imports/**").hasRole(Role.REGISTRY_OFFICER.name());
        requests.requestMatchers("/erasure-requests", "/erasure-requests/**").hasRole(Role.SUPERVISOR.name());
    }
}

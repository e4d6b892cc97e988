package org.diasporadesk.registry.review.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The duplicate review queue is the registry officers' work, as registration and import are; a merge proposed across
 * offices is decided by a supervisor of the other office.
 */
@Component
class ReviewAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/duplicate-candidates", "/duplicate-candidates/**")
            .hasRole(Role.REGISTRY_OFFICER.name());
        requests.requestMatchers("/merge-proposals", "/merge-proposals/**").hasRole(Role.SUPERVISOR.name());
    }
}

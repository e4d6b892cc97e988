package org.diasporadesk.reporting.migrants.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call what: aggregate figures: planners and administrators, never personal-data roles. */
@Component
class FiguresAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/figures/**").hasAnyRole(Role.REGIONAL_PLANNER.name(),
                Role.NATIONAL_PLANNER.name(), Role.ADMINISTRATOR.name());
    }
}

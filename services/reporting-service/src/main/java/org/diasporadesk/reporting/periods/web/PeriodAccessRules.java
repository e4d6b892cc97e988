package org.diasporadesk.reporting.periods.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may sign off: planners only (which area, the service decides); reading is under the figures' rule. */
@Component
class PeriodAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/sign-offs").hasAnyRole(Role.REGIONAL_PLANNER.name(),
                Role.NATIONAL_PLANNER.name());
    }
}

package org.diasporadesk.reporting.replay;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Rebuilding the projections empties them for its length: administrators only. */
@Component
class ReplayAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/admin/replays").hasRole(Role.ADMINISTRATOR.name())
            .requestMatchers(HttpMethod.GET, "/admin/replays/*").hasRole(Role.ADMINISTRATOR.name());
    }
}

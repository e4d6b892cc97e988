package org.diasporadesk.outreach.segments.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call what: segments are the outreach coordinators' tool. */
@Component
class SegmentAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/segments", "/segments/**").hasRole(Role.OUTREACH_COORDINATOR.name());
    }
}

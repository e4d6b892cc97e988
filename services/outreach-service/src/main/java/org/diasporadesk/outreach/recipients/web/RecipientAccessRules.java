package org.diasporadesk.outreach.recipients.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call what: recipient reach: outreach coordinators. */
@Component
class RecipientAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/recipients/**").hasRole(Role.OUTREACH_COORDINATOR.name());
        requests.requestMatchers(HttpMethod.POST, "/recipients/*/opt-out").hasRole(Role.OUTREACH_COORDINATOR.name());
    }
}

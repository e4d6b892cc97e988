package org.diasporadesk.hotline.partners.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call what: agents read the partner list to refer; administrators manage it. */
@Component
class PartnerAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/partners").hasAnyRole(Role.HOTLINE_AGENT.name(), Role.ADMINISTRATOR.name());
        requests.requestMatchers("/partners", "/partners/**").hasRole(Role.ADMINISTRATOR.name());
    }
}

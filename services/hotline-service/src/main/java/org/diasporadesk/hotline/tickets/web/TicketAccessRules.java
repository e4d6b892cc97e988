package org.diasporadesk.hotline.tickets.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what: tickets: hotline agents and their supervisors, within their offices (checked by the desk, which
 * also keeps the whole queue and reassignment to supervisors).
 */
@Component
class TicketAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/tickets", "/tickets/**")
            .hasAnyRole(Role.HOTLINE_AGENT.name(), Role.SUPERVISOR.name());
    }
}

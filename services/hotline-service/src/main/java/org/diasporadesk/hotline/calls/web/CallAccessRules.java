package org.diasporadesk.hotline.calls.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what: call events and drafts: hotline agents, and the office's telephony system with a hotline
 * agent's client and the office's area, within the offices the area covers (checked by the desk).
 */
@Component
class CallAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/calls/**").hasRole(Role.HOTLINE_AGENT.name());
    }
}

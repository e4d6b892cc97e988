package org.diasporadesk.outreach.campaigns.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call what: campaigns, their sessions and what they sent are the outreach coordinators' work. */
@Component
class CampaignAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/campaigns", "/campaigns/**", "/recorded-messages")
            .hasRole(Role.OUTREACH_COORDINATOR.name());
    }
}

package org.diasporadesk.outreach.channels.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Providers cannot hold our users' tokens: their receipts and replies are let through here and checked against
 * the shared callback token in {@link ProviderCallbackController}.
 */
@Component
class ProviderAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/providers/*/receipts", "/providers/*/replies").permitAll();
    }
}

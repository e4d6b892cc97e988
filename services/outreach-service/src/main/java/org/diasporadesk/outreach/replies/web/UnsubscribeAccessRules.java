package org.diasporadesk.outreach.replies.web;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Recipients have no account: the unsubscribe link, keyed by a random message id, is open to anyone holding it. */
@Component
class UnsubscribeAccessRules implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/unsubscribe/*").permitAll();
        requests.requestMatchers(HttpMethod.POST, "/unsubscribe/*").permitAll();
    }
}

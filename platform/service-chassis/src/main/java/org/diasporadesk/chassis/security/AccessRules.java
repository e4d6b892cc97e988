package org.diasporadesk.chassis.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules per path, applied in the security filter chain: before the request body is read,
 * so that a wrong role gets 403 even for a request that would also be invalid. Paths no rule names are
 * refused: access is granted explicitly, never by omission.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}

package org.diasporadesk.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The protocol endpoints: token, JWKS, OIDC discovery. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
            .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    /** Everything else: only the health probes are open; there is no login page to serve. */
    @Bean
    @Order(2)
    SecurityFilterChain probes(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**").permitAll()
            .anyRequest().denyAll());
        return http.build();
    }

    /** Adds the demo client's role and area to its access tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(DemoUsers demoUsers) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            DemoUsers.DemoUser user = demoUsers.users().get(context.getRegisteredClient().getClientId());
            if (user == null) {
                return;
            }
            context.getClaims().claim("roles", user.roles());
            if (user.municipality() != null) {
                context.getClaims().claim("municipality", user.municipality());
            }
            if (user.region() != null) {
                context.getClaims().claim("region", user.region());
            }
        };
    }
}

package org.diasporadesk.chassis.security;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint needs a bearer JWT except health probes, Prometheus scraping, the API docs and the screens' sign-in
 * script. Roles come from the {@code roles} claim and each service grants them per path with an {@link AccessRules} bean;
 * whatever no rule grants is refused. 401 and 403 answers are RFC 9457 problem documents like every other error.
 */
@AutoConfiguration
@EnableWebSecurity
public class SecurityAutoConfiguration {

    private static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error", "/desk-web/**" };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain diasporaDeskSecurity(HttpSecurity http, JsonMapper jsonMapper,
            ObjectProvider<AccessRules> accessRules) throws Exception {
        ProblemSecurityHandler problems = new ProblemSecurityHandler(jsonMapper);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(OPEN_PATHS).permitAll();
            requests.requestMatchers(HttpMethod.GET, "/territory").authenticated();
            accessRules.orderedStream().forEach(rules -> rules.apply(requests));
            requests.anyRequest().denyAll();
        })
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityAutoConfiguration::authenticationOf))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    static AbstractAuthenticationToken authenticationOf(Jwt jwt) {
        Collection<GrantedAuthority> authorities = List.copyOf(Actor.from(jwt).roles().stream()
            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
            .toList());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}

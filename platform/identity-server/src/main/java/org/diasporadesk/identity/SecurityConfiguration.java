package org.diasporadesk.identity;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The protocol endpoints: authorization (a person not signed in is sent to the sign-in form), token, JWKS, OIDC
     * discovery and sign-out. The screens exchange their code for tokens from the browser, hence CORS.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
            .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
            .cors(Customizer.withDefaults())
            .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Everything else: the sign-in form and sign-out for people, the health probes for the launcher. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/error").permitAll()
            .anyRequest().authenticated())
            .formLogin(Customizer.withDefaults())
            .logout(Customizer.withDefaults());
        return http.build();
    }

    /** The named demo staff; passwords in plain text, as they are demo only and listed in the README. */
    @Bean
    UserDetailsService people(DemoUsers demoUsers) {
        List<UserDetails> people = demoUsers.people().entrySet().stream()
            .map(person -> User.withUsername(person.getKey())
                .password("{noop}" + person.getValue().password())
                .roles(person.getValue().roles().toArray(String[]::new))
                .build())
            .toList();
        return new InMemoryUserDetailsManager(people);
    }

    /** Spring Security's CORS support finds the screens' origins by this bean name. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(DemoUsers demoUsers) {
        CorsConfiguration screens = new CorsConfiguration();
        screens.setAllowedOrigins(demoUsers.webOrigins());
        screens.setAllowedMethods(List.of("GET", "POST"));
        screens.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", screens);
        return source;
    }

    /**
     * Adds the role and area to access tokens: a signed-in person's own, or a machine client's. A person's tokens
     * also carry their name, for the screens to greet them.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(DemoUsers demoUsers) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            boolean signedIn = AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                    || AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType());
            DemoUsers.DemoUser user;
            if (signedIn) {
                DemoUsers.DemoPerson person = demoUsers.people().get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().claim("name", person.name());
                user = person.claims();
            }
            else {
                user = demoUsers.users().get(context.getRegisteredClient().getClientId());
            }
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

package org.diasporadesk.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The local stack's OAuth2/OIDC issuer. Its demo clients stand for one user per role; with the
 * client-credentials grant a newcomer gets a token with one curl command. Not for production: there the
 * ministry's identity provider (Keycloak in docker-compose) issues tokens with the same claims.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoUsers.class)
public class IdentityServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServerApplication.class, args);
    }
}

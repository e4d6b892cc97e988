package org.diasporadesk.chassis.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Each service's OpenAPI document as a partner needs it: who publishes it, how to authenticate, which roles
 * each operation needs (read off the security rules the service enforces, so the two cannot differ) and the
 * problem documents each operation can answer with.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(ApiDocumentationProperties.class)
public class ApiDocumentationAutoConfiguration {

    /** The name of the bearer token scheme that operations refer to. */
    public static final String BEARER = "bearer";

    @Bean
    OpenAPI serviceApi(ApiDocumentationProperties properties) {
        ApiDocumentationProperties.Contact contact = properties.contact();
        ApiDocumentationProperties.License license = properties.license();
        return new OpenAPI()
            .info(new Info()
                .title(properties.title())
                .version(properties.version())
                .description(properties.description())
                .contact(new Contact().name(contact.name()).email(contact.email()).url(contact.url()))
                .license(new License().name(license.name()).identifier(license.identifier())))
            .servers(List.of(new Server().url(properties.serverUrl())
                .description("The service on the local stack; a deployment serves it under the office's own address")))
            .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token from the identity server (Keycloak in production). Its `roles` claim "
                        + "grants operations; its `municipality` or `region` claim limits the records and figures "
                        + "the caller sees to that area.")));
    }

    @Bean
    AccessDocumentation accessDocumentation(ObjectProvider<SecurityFilterChain> securityFilterChains) {
        return new AccessDocumentation(securityFilterChains);
    }

    @Bean
    ProblemResponseDocumentation problemResponseDocumentation() {
        return new ProblemResponseDocumentation();
    }

    @Bean
    RequestExamples requestExamples() {
        return new RequestExamples();
    }
}

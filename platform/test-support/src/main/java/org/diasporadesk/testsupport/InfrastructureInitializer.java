package org.diasporadesk.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Points a service's test context at the shared {@link TestInfrastructure} and makes it trust
 * {@link TestTokens}. Only configuration changes: the service code under test is the production code.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ddesk-test-infrastructure",
                Map.of("spring.cloud.stream.kafka.binder.brokers", endpoints.kafkaBootstrapServers(),
                        "spring.mongodb.uri", endpoints.mongoUri(),
                        // Sweep often, so that tests also see events that no write hinted (after a crash).
                        "ddesk.outbox.sweep-interval", "1s")));
        // A JwtDecoder bean makes Boot's resource-server auto-configuration back off from the issuer's JWKS.
        context.getBeanFactory().registerSingleton("testTokensJwtDecoder", (JwtDecoder) TestTokens.decoder());
    }
}

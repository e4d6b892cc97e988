package org.diasporadesk.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code ddesk-chassis-defaults.yml} behind every other property source, so that the settings all
 * services must share (producer acks and idempotence, DLQ and retries, probes, metric tags, where the
 * broker, database and issuer are) live in one file and a service's own {@code application.yml} or the
 * environment can still override any of them.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "ddesk-chassis-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load("ddesk-chassis-defaults", new ClassPathResource(RESOURCE))
                .forEach(environment.getPropertySources()::addLast);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
    }
}

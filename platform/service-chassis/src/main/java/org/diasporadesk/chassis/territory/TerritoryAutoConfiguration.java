package org.diasporadesk.chassis.territory;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * Loads the territory file every service shares. {@code ddesk.territory.location} (environment
 * {@code DDESK_TERRITORY_LOCATION}) points at another country's file, for example {@code file:/etc/ddesk/PH.json}.
 */
@AutoConfiguration
public class TerritoryAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TerritoryAutoConfiguration.class);

    @Bean
    Territory territory(@Value("${ddesk.territory.location:classpath:territory/GE.json}") Resource location)
            throws IOException {
        try (InputStream in = location.getInputStream()) {
            Territory territory = Territory.read(in);
            log.info("Territory {} version {} loaded from {}: {} units", territory.country(), territory.version(),
                    location, territory.units().size());
            return territory;
        }
    }
}

package org.diasporadesk.registry.household.matching;

import java.nio.charset.StandardCharsets;

import org.diasporadesk.registry.household.matching.domain.MatchKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MatchingConfiguration.class);
    static final String LOCAL_STACK_SECRET = "local-stack-only-match-key-secret";

    /**
     * The secret behind every match key. Set {@code REGISTRY_MATCH_KEY_SECRET} in any real deployment and
     * never change it afterwards: keys made under another secret no longer match.
     */
    @Bean
    MatchKeys matchKeys(@Value("${ddesk.registry.match-key-secret}") String secret) {
        if (LOCAL_STACK_SECRET.equals(secret)) {
            log.warn("Using the local stack's match-key secret; set REGISTRY_MATCH_KEY_SECRET in a real deployment");
        }
        return new MatchKeys(secret.getBytes(StandardCharsets.UTF_8));
    }
}

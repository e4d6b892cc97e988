package org.diasporadesk.reporting.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DisclosureConfiguration {

    /**
     * k ({@code DDESK_REPORTING_MIN_CELL_COUNT}, default 5), the rounding base
     * ({@code DDESK_REPORTING_DISCLOSURE_ROUNDING_BASE}, default 5) and the secret key of the rounding offsets
     * ({@code DDESK_REPORTING_DISCLOSURE_KEY}) and the mean count per municipality below which a destination is shown
     * there only among other countries ({@code DDESK_REPORTING_DISCLOSURE_RARE_BELOW}, default 20): see the service
     * README.
     */
    @Bean
    DisclosurePolicy disclosurePolicy(@Value("${ddesk.reporting.min-cell-count:5}") int minimumCount,
            @Value("${ddesk.reporting.disclosure.rounding-base:5}") int roundingBase,
            @Value("${ddesk.reporting.disclosure.key}") String key,
            @Value("${ddesk.reporting.disclosure.rare-below:20}") long rareBelow) {
        return new DisclosurePolicy(minimumCount, roundingBase, key, rareBelow);
    }
}

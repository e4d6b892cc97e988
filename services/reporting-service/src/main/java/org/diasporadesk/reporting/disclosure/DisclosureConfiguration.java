package org.diasporadesk.reporting.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DisclosureConfiguration {

    /** k: the smallest count published ({@code DDESK_REPORTING_MIN_CELL_COUNT}, default 5). */
    @Bean
    SmallCellSuppression smallCellSuppression(@Value("${ddesk.reporting.min-cell-count:5}") int minimumCount) {
        return new SmallCellSuppression(minimumCount);
    }
}

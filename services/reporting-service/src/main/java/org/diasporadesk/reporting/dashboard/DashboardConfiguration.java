package org.diasporadesk.reporting.dashboard;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The planners' dashboard's chart library (a webjar), open like the page itself ({@code ddesk.screens.pages}).
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    AccessRules chartLibraryAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/webjars/**").permitAll();
    }
}

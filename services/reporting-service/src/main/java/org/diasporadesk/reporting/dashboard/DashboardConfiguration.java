package org.diasporadesk.reporting.dashboard;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The planners' dashboard page ({@code static/dashboard}) and its chart library (a webjar). The page and its
 * scripts hold no figures and are open; the page asks for the figures with the planner's token, so what it
 * shows is exactly what the planner may see through the API.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/index.html");
    }

    @Bean
    AccessRules dashboardAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**", "/webjars/**")
            .permitAll();
    }
}

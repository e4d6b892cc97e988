package org.diasporadesk.hotline.desk;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The hotline's screen ({@code static/desk}): agents' calls and queue, supervisors' emergency board. The page and its
 * script hold no data and are open; everything they show comes from the API with the person's own token, so the
 * screen shows exactly what its user may see.
 */
@Configuration(proxyBeanMethods = false)
class DeskScreenConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/desk", "/desk/index.html");
    }

    @Bean
    AccessRules deskScreenAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/desk", "/desk/**").permitAll();
    }
}

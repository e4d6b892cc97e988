package org.diasporadesk.chassis.screens;

import java.util.List;

import org.diasporadesk.chassis.security.AccessRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every service's screens share: the sign-in script ({@code /desk-web/sign-in.js}), the look and helpers
 * ({@code /desk-web/screen.css}, {@code screen.js}) and where people sign in ({@code /desk-web/sign-in}), all open
 * like the pages themselves; and the service's own pages, named in {@code ddesk.screens.pages} (each
 * {@code static/<page>/index.html}, reached at {@code /<page>}). A page and its scripts hold no data: what it shows
 * comes from the API with the person's own token, so a screen shows exactly what its user may see.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ScreenSignInController.class)
public class ScreensAutoConfiguration implements WebMvcConfigurer {

    private final List<String> pages;

    ScreensAutoConfiguration(@Value("${ddesk.screens.pages:}") List<String> pages) {
        this.pages = pages;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        pages.forEach(page -> registry.addRedirectViewController("/" + page, "/" + page + "/index.html"));
    }

    @Bean
    AccessRules screenPagesAccessRules() {
        return requests -> pages.forEach(page -> requests.requestMatchers(HttpMethod.GET, "/" + page,
                "/" + page + "/**").permitAll());
    }
}

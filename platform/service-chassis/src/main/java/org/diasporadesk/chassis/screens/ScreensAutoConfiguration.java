package org.diasporadesk.chassis.screens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * What every service's screens share: the sign-in script ({@code /desk-web/sign-in.js}) and where it signs people in
 * ({@code /desk-web/sign-in}), both open like the pages themselves: they hold no data.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ScreenSignInController.class)
public class ScreensAutoConfiguration {
}

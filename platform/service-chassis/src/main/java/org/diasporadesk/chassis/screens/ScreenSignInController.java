package org.diasporadesk.chassis.screens;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a screen sends a person to sign in ({@code static/desk-web/sign-in.js}): the issuer as the person's browser
 * reaches it, which may differ from the address the service checks tokens against inside a deployment, and the
 * screens' public client. Part of the screens, not of the API.
 */
@Hidden
@RestController
class ScreenSignInController {

    private final Map<String, String> signIn;

    ScreenSignInController(@Value("${ddesk.screens.issuer}") String issuer,
            @Value("${ddesk.screens.client-id}") String clientId) {
        this.signIn = Map.of("issuer", issuer, "clientId", clientId);
    }

    @GetMapping("/desk-web/sign-in")
    Map<String, String> signIn() {
        return signIn;
    }
}

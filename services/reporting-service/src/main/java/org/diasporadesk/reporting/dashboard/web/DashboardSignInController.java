package org.diasporadesk.reporting.dashboard.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the dashboard page sends a planner to sign in: the issuer as the planner's browser reaches it (which may
 * differ from the address the service checks tokens against inside a deployment) and the screens' public client.
 * Part of the page, not of the API.
 */
@Hidden
@RestController
class DashboardSignInController {

    private final Map<String, String> signIn;

    DashboardSignInController(@Value("${ddesk.dashboard.issuer}") String issuer,
            @Value("${ddesk.dashboard.client-id}") String clientId) {
        this.signIn = Map.of("issuer", issuer, "clientId", clientId);
    }

    @GetMapping("/dashboard/sign-in")
    Map<String, String> signIn() {
        return signIn;
    }
}

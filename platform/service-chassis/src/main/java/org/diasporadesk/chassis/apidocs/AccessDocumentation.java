package org.diasporadesk.chassis.apidocs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import org.diasporadesk.chassis.security.Role;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Says for each operation who may call it, by asking the service's own authorization rules (its
 * {@link org.diasporadesk.chassis.security.AccessRules}) what they grant each role on that method and path:
 * the document then cannot promise access the service refuses, or hide a role it grants. An operation the rules
 * open to anyone (a provider's callback, an unsubscribe link) is documented without a token.
 */
final class AccessDocumentation implements GlobalOpenApiCustomizer, Ordered {

    /** Runs before {@link ProblemResponseDocumentation}, which documents 401 and 403 for secured operations. */
    static final int ORDER = 0;

    private final ObjectProvider<SecurityFilterChain> securityFilterChains;

    AccessDocumentation(ObjectProvider<SecurityFilterChain> securityFilterChains) {
        this.securityFilterChains = securityFilterChains;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void customise(OpenAPI api) {
        Optional<AuthorizationManager<HttpServletRequest>> rules = authorizationRules();
        if (rules.isEmpty() || api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> document(
                operation, rules.get(), RequestStandIn.of(method.name(), path.replaceAll("\\{[^/]+}", "x")))));
    }

    private static void document(Operation operation, AuthorizationManager<HttpServletRequest> rules,
            HttpServletRequest request) {
        if (granted(rules, request, anonymous())) {
            operation.setSecurity(List.of());
            operation.setDescription(withAccess(operation.getDescription(), "Open: no token is needed."));
            return;
        }
        List<String> roles = Arrays.stream(Role.values())
            .filter(role -> granted(rules, request, signedIn(role)))
            .map(Role::name)
            .toList();
        boolean everyRole = roles.size() == Role.values().length;
        operation.setSecurity(List.of(new SecurityRequirement()
            .addList(ApiDocumentationAutoConfiguration.BEARER, everyRole ? List.of() : roles)));
        operation.setDescription(withAccess(operation.getDescription(), everyRole ? "Any signed-in user."
                : roles.isEmpty() ? "No role may call it." : "Roles: " + String.join(", ", roles) + "."));
    }

    private static boolean granted(AuthorizationManager<HttpServletRequest> rules, HttpServletRequest request,
            Authentication authentication) {
        Supplier<Authentication> caller = () -> authentication;
        AuthorizationResult result = rules.authorize(caller, request);
        return result != null && result.isGranted();
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("api-documentation", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private static Authentication signedIn(Role role) {
        return UsernamePasswordAuthenticationToken.authenticated("api-documentation", null,
                AuthorityUtils.createAuthorityList(role.authority()));
    }

    private static String withAccess(String description, String access) {
        return description == null || description.isBlank() ? access : description + "\n\n" + access;
    }

    private Optional<AuthorizationManager<HttpServletRequest>> authorizationRules() {
        return securityFilterChains.orderedStream()
            .flatMap(chain -> chain.getFilters().stream())
            .filter(AuthorizationFilter.class::isInstance)
            .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager())
            .findFirst();
    }
}

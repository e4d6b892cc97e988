package org.diasporadesk.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.diasporadesk.chassis.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations a service's served OpenAPI document declares, and a token that may call each. */
public record ServedApi(JsonNode document) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KUTAISI = "GE-IM-KUTAISI";
    private static final String IMERETI = "GE-IM";

    /** One operation: where it is, who may call it and what it reads. */
    public record Operation(String method, String path, String operationId, List<Role> roles, JsonNode node) {

        public boolean writes() {
            return !method.equals("GET");
        }

        /** The schema of a JSON body, resolved, if the operation reads one. */
        public Optional<JsonNode> jsonBody(ServedApi api) {
            JsonNode schema = node.at("/requestBody/content/application~1json/schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(api.resolve(schema));
        }

        /** The media types of the body it reads, if it reads one. */
        public List<String> bodyTypes() {
            return node.at("/requestBody/content").propertyNames().stream().toList();
        }

        /** An HTML page for people (the unsubscribe link), rather than an API answer. */
        public boolean answersPages() {
            return node.at("/responses").values().stream()
                .anyMatch(response -> response.at("/content").has("text/html"));
        }

        /** Whether the document lists this status among the operation's answers. */
        public boolean documents(int status) {
            return node.at("/responses").has(Integer.toString(status));
        }

        /** A token with the operation's first role in Kutaisi (or Imereti, or the nation, as the role works). */
        public String token() {
            return roles.isEmpty() ? TestTokens.municipal(Role.REGISTRY_OFFICER, KUTAISI) : tokenFor(roles.get(0));
        }
    }

    public static ServedApi of(ApiClient api) {
        return new ServedApi(JSON.readTree(api.getText("/v3/api-docs", null)));
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode security = operation.getValue().at("/security/0/bearer");
            List<Role> roles = security.isMissingNode() ? List.of()
                    : security.values().stream().map(role -> Role.valueOf(role.asString())).toList();
            operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                    operation.getValue().get("operationId").asString(), roles, operation.getValue()));
        }));
        return operations;
    }

    public Operation operation(String operationId) {
        return operations().stream()
            .filter(operation -> operation.operationId().equals(operationId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the API document has no operation " + operationId));
    }

    /** The schema itself, or the component a {@code $ref} names. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : document.at(ref.asString().substring(1));
    }

    static String tokenFor(Role role) {
        return switch (role) {
            case REGIONAL_PLANNER -> TestTokens.regional(role, IMERETI);
            case NATIONAL_PLANNER, ADMINISTRATOR -> TestTokens.national(role);
            default -> TestTokens.municipal(role, KUTAISI);
        };
    }
}

package org.diasporadesk.chassis.apidocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Example bodies of a service's main requests, one file per operation: {@code api-examples/<operationId>.json}
 * on the service's class path. Kept as files rather than strings in annotations so that the service's contract
 * test can send each one and prove that the example works.
 */
public final class RequestExamples implements GlobalOpenApiCustomizer {

    /** Where a service keeps its examples, by operation id. */
    public static final String LOCATION = "classpath*:api-examples/*.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The examples on the class path, by operation id. */
    public static Map<String, JsonNode> onClassPath() {
        Map<String, JsonNode> examples = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String operationId = resource.getFilename().substring(0, resource.getFilename().length() - ".json".length());
                examples.put(operationId, JSON.readTree(resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return examples;
    }

    /** Reads the examples when the document is first asked for, not at every start of the service. */
    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Map<String, JsonNode> examples = onClassPath();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            JsonNode example = examples.get(operation.getOperationId());
            if (example == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.addExamples(operation.getOperationId(), new Example()
                    .summary(operation.getSummary())
                    .value(JSON.convertValue(example, Object.class)));
            }
        }));
    }
}

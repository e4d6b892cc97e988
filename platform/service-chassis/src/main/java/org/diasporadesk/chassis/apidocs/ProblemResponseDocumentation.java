package org.diasporadesk.chassis.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.diasporadesk.chassis.web.ProblemResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;

/**
 * Documents the RFC 9457 problem documents each operation can answer with ({@link ProblemResponses} writes
 * them): 400 where it reads a body or parameters, 401 and 403 where it needs a token, 404 where it names a
 * record, 409 where it changes one, 415 where it reads a body, and 500 for what nobody foresaw, with the
 * correlation id to quote.
 */
final class ProblemResponseDocumentation implements GlobalOpenApiCustomizer, Ordered {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String HTML = "text/html";

    @Override
    public int getOrder() {
        return AccessDocumentation.ORDER + 1;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                problemsOf(path, method, operation).forEach((status, description) -> {
                    if (operation.getResponses() == null) {
                        operation.setResponses(new ApiResponses());
                    }
                    operation.getResponses().putIfAbsent(status, new ApiResponse().description(description)
                        .content(answersPages(operation) ? new Content().addMediaType(HTML, new MediaType())
                                : new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                })));
    }

    /** A page for people (the unsubscribe link) answers its errors with a page too. */
    private static boolean answersPages(Operation operation) {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        return ok != null && ok.getContent() != null && ok.getContent().containsKey(HTML);
    }

    private static Map<String, String> problemsOf(String path, PathItem.HttpMethod method, Operation operation) {
        boolean readsBody = operation.getRequestBody() != null;
        boolean namesRecord = path.contains("{");
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        Map<String, String> problems = new LinkedHashMap<>();
        if (readsBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            problems.put("400", "The request is invalid; `errors` names each field and what is wrong with it.");
        }
        if (secured) {
            problems.put("401", "No valid bearer token was sent: sign in again and repeat the request.");
            problems.put("403", "The token's roles do not allow this operation, or the record or area is outside "
                    + "the caller's municipality or region.");
        }
        if (namesRecord) {
            problems.put("404", "No such record in the caller's area.");
        }
        if (namesRecord && method != PathItem.HttpMethod.GET) {
            problems.put("409", "The record changed meanwhile, or its state does not allow this: read it again "
                    + "and repeat the change.");
        }
        if (readsBody) {
            problems.put("415", "The body is not in a media type this operation reads.");
        }
        problems.put("500", "An unexpected error; it was logged under `correlationId`, which support needs.");
        return problems;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
            .description("An RFC 9457 problem document.")
            .addProperty("type", new StringSchema().format("uri-reference")
                .description("Identifies the kind of problem; `about:blank` when the status says it all."))
            .addProperty("title", new StringSchema().description("The status's short name."))
            .addProperty("status", new IntegerSchema().description("The HTTP status code."))
            .addProperty("detail", new StringSchema().description("What went wrong and what to do next."))
            .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path."))
            .addProperty(ProblemResponses.ERRORS, new ArraySchema()
                .description("The offending fields, by their JSON path, for a form to mark.")
                .items(new ObjectSchema()
                    .addProperty("field", new StringSchema().example("migrants[0].phones[1]"))
                    .addProperty("message", new StringSchema().example("not a phone number"))
                    .required(List.of("field", "message"))))
            .addProperty(ProblemResponses.CORRELATION_ID, new StringSchema()
                .description("On a 500: the id under which the error was logged."));
    }
}

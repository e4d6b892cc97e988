package org.diasporadesk.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service over real HTTP as a client would, and hands back status and JSON body without throwing
 * on 4xx/5xx, so that tests assert on problem responses as easily as on successes.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public ApiClient(String baseUrl) {
        this.client = RestClient.builder()
            .baseUrl(baseUrl)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build();
    }

    public static ApiClient local(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    public record Response(int status, JsonNode body, HttpHeaders headers) {
    }

    /** @param path a URI template such as {@code /callers?phone={phone}}; variables are encoded for the query */
    public Response get(String path, String token, Object... uriVariables) {
        return toResponse(client.get().uri(path, uriVariables).headers(headers -> bearer(headers, token)).retrieve()
            .toEntity(String.class));
    }

    /** A GET with one extra request header, such as {@code X-Purpose}. */
    public Response getWithHeader(String path, String token, String header, String value, Object... uriVariables) {
        return toResponse(client.get().uri(path, uriVariables).headers(headers -> {
            bearer(headers, token);
            headers.set(header, value);
        }).retrieve().toEntity(String.class));
    }

    /** Uploads a CSV file as the request body. */
    public Response postCsv(String path, String token, String csv) {
        return postCsv(path, token, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Uploads a file's bytes as a CSV request body, in whatever encoding the file has. */
    public Response postCsv(String path, String token, byte[] file) {
        return postCsv(path, token, file, "text/csv");
    }

    /** A file upload with the content type given, such as {@code text/csv; charset=windows-1251}. */
    public Response postCsv(String path, String token, byte[] file, String contentType) {
        return toResponse(client.post().uri(path).headers(headers -> bearer(headers, token))
            .contentType(MediaType.parseMediaType(contentType))
            .body(file)
            .retrieve().toEntity(String.class));
    }

    /** The body as text, for CSV and other non-JSON answers. */
    public String getText(String path, String token) {
        return client.get().uri(path).headers(headers -> bearer(headers, token)).retrieve().body(String.class);
    }

    public Response post(String path, String token, Object body) {
        RestClient.RequestBodySpec request = client.post().uri(path).headers(headers -> bearer(headers, token))
            .contentType(MediaType.APPLICATION_JSON);
        return toResponse((body instanceof String raw ? request.body(raw) : request.body(JSON.writeValueAsString(body)))
            .retrieve().toEntity(String.class));
    }

    /** A POST with one extra request header, such as a provider's callback token. */
    public Response postWithHeader(String path, String token, String header, String value, Object body) {
        RestClient.RequestBodySpec request = client.post().uri(path).headers(headers -> {
            bearer(headers, token);
            headers.set(header, value);
        }).contentType(MediaType.APPLICATION_JSON);
        return toResponse(request.body(JSON.writeValueAsString(body)).retrieve().toEntity(String.class));
    }

    public Response delete(String path, String token, Object... uriVariables) {
        return toResponse(client.delete().uri(path, uriVariables).headers(headers -> bearer(headers, token))
            .retrieve().toEntity(String.class));
    }

    public Response put(String path, String token, Object body, Object... uriVariables) {
        RestClient.RequestBodySpec request = client.put().uri(path, uriVariables).headers(headers -> bearer(headers, token))
            .contentType(MediaType.APPLICATION_JSON);
        return toResponse((body instanceof String raw ? request.body(raw) : request.body(JSON.writeValueAsString(body)))
            .retrieve().toEntity(String.class));
    }

    /** A DELETE with one extra request header, such as {@code X-Purpose}. */
    public Response deleteWithHeader(String path, String token, String header, String value, Object... uriVariables) {
        return toResponse(client.delete().uri(path, uriVariables).headers(headers -> {
            bearer(headers, token);
            headers.set(header, value);
        }).retrieve().toEntity(String.class));
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }

    private static Response toResponse(ResponseEntity<String> entity) {
        JsonNode body = entity.getBody() == null || entity.getBody().isBlank() ? JSON.missingNode()
                : JSON.readTree(entity.getBody());
        return new Response(entity.getStatusCode().value(), body, entity.getHeaders());
    }
}

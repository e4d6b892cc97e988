package org.diasporadesk.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's HTTP APIs as a newcomer's client calls them: a demo client's token from the identity server,
 * then JSON requests to a service by its name.
 */
record StackApi(StackConfig config) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A client-credentials token of a demo client (secret {@code demo-<client>}). */
    String token(String client) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":demo-" + client).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(config.issuerUri() + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A GET that must answer 200; its JSON body. */
    JsonNode get(String service, String path, String token) throws IOException, InterruptedException {
        return body(getResponse(service, path, token), 200);
    }

    HttpResponse<String> getResponse(String service, String path, String token) throws IOException, InterruptedException {
        return send(service, path, token, "GET", HttpRequest.BodyPublishers.noBody(), null);
    }

    HttpResponse<String> post(String service, String path, String token, String json)
            throws IOException, InterruptedException {
        return send(service, path, token, "POST", HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    /** A POST without a token, authenticated by a header instead (a provider's callback). */
    HttpResponse<String> postWithHeader(String service, String path, String header, String value, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + config.port(service) + path))
            .header(header, value)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postCsv(String service, String path, String token, String csv)
            throws IOException, InterruptedException {
        return send(service, path, token, "POST", HttpRequest.BodyPublishers.ofString(csv), "text/csv");
    }

    HttpResponse<String> put(String service, String path, String token, String json)
            throws IOException, InterruptedException {
        return send(service, path, token, "PUT", HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    HttpResponse<String> delete(String service, String path, String token) throws IOException, InterruptedException {
        return send(service, path, token, "DELETE", HttpRequest.BodyPublishers.noBody(), null);
    }

    /** A body's JSON, asserting the status first so that a failure shows the problem response. */
    static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String service, String path, String token, String method,
            HttpRequest.BodyPublisher body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + config.port(service) + path))
            .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.diasporadesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a careless or hostile client sends, generated from what each write operation of a service's API
 * document declares: malformed JSON, the wrong types, nulls, oversize and odd Unicode strings (right-to-left
 * overrides, zero-width and combining characters, NUL, lone surrogates), unknown enum values, huge numbers,
 * deep nesting, unknown fields, odd path values and the wrong media type. Every answer must be a 4xx problem
 * document (a page, for operations that answer people with pages) or a success; never a 5xx.
 */
public final class HostileRequests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^/]+}");
    private static final int MAX_DEPTH = 4;

    /** What the service answered to one generated request. */
    public record Answer(String method, String uri, String contentType, String body, int status, String answerType,
            String answer) {

        @Override
        public String toString() {
            return method + " " + uri + " [" + contentType + "] " + abbreviate(body) + "\n  -> " + status + " ["
                    + answerType + "] " + abbreviate(answer);
        }
    }

    private final int port;
    private final ServedApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HostileRequests(int port, ServedApi api) {
        this.port = port;
        this.api = api;
    }

    /** Fails unless every write operation of the service on {@code port} passes {@code perOperation} hostile requests. */
    public static void assertAnsweredWithoutA5xx(int port, int perOperation) {
        List<Answer> sent = new ArrayList<>();
        List<Answer> unacceptable = new HostileRequests(port, ServedApi.of(ApiClient.local(port)))
            .unacceptableAnswers(perOperation, sent);

        assertThat(sent).as("requests sent").hasSizeGreaterThan(perOperation);
        assertThat(unacceptable).as("answers that are a 5xx or a 4xx without a problem document, of %d", sent.size())
            .isEmpty();
    }

    /**
     * Sends {@code perOperation} generated requests to every write operation and returns the answers that break
     * the promise: a 5xx, a 4xx that is not an RFC 9457 problem document, or a success the document does not list.
     * Every answer is also added to {@code sent}.
     */
    public List<Answer> unacceptableAnswers(int perOperation, List<Answer> sent) {
        List<Answer> unacceptable = new ArrayList<>();
        for (ServedApi.Operation operation : api.operations()) {
            if (!operation.writes()) {
                continue;
            }
            requests(operation).sampleStream().limit(perOperation).forEach(request -> {
                Answer answer = send(operation, request);
                sent.add(answer);
                boolean problem = answer.answerType().startsWith("application/problem+json");
                boolean page = operation.answersPages() && answer.answerType().startsWith("text/html");
                boolean undocumentedSuccess = answer.status() < 300 && !operation.documents(answer.status());
                if (answer.status() >= 500 || (answer.status() >= 400 && !problem && !page) || undocumentedSuccess) {
                    unacceptable.add(answer);
                }
            });
        }
        return unacceptable;
    }

    private record Request(String uri, String contentType, String body) {
    }

    private Arbitrary<Request> requests(ServedApi.Operation operation) {
        Arbitrary<String> uri = pathValues().list().ofSize(countVariables(operation.path()))
            .map(values -> fill(operation.path(), values));
        List<String> declared = operation.bodyTypes();
        Arbitrary<String> contentType = declared.isEmpty() ? Arbitraries.just("application/json")
                : Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(declared)),
                        Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=ebcdic")));
        Arbitrary<String> body = operation.jsonBody(api)
            .map(schema -> Arbitraries.frequencyOf(
                    Tuple.of(6, value(schema, 0).map(HostileRequests::json)),
                    Tuple.of(1, malformedJson()),
                    Tuple.of(1, deepNesting()),
                    Tuple.of(1, Arbitraries.of("[]", "\"text\"", "42", "null", "true", "{}", ""))))
            .orElseGet(() -> Arbitraries.oneOf(malformedJson(), oddStrings(), Arbitraries.just("")));
        return Combinators.combine(uri, contentType, body).as(Request::new);
    }

    private Arbitrary<Object> value(JsonNode declared, int depth) {
        JsonNode schema = api.resolve(declared);
        if (depth > MAX_DEPTH) {
            return Arbitraries.just(null);
        }
        return Arbitraries.frequencyOf(Tuple.of(4, fitting(schema, depth)), Tuple.of(1, hostileValues()));
    }

    /** A value of the declared type, with the declared type's own edge cases. */
    private Arbitrary<Object> fitting(JsonNode schema, int depth) {
        return switch (typeOf(schema)) {
            case "object" -> {
                List<String> names = schema.path("properties").propertyNames().stream().toList();
                if (names.isEmpty()) {
                    yield Arbitraries.just(Map.of());
                }
                List<Arbitrary<Object>> values = names.stream()
                    .map(name -> value(schema.get("properties").get(name), depth + 1))
                    .toList();
                yield Combinators.combine(values).as(generated -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        object.put(names.get(i), generated.get(i));
                    }
                    return (Object) object;
                });
            }
            case "array" -> value(schema.path("items"), depth + 1).list().ofMaxSize(3).map(list -> (Object) list);
            case "string" -> schema.has("enum")
                    ? Arbitraries.of(enumValues(schema)).map(value -> (Object) value)
                    : Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMaxLength(20), oddStrings(),
                            Arbitraries.of("2026-13-45", "2026-10-14T25:00:00Z", "P-1D", "+995 599 12 34 56",
                                    "GE-IM-KUTAISI", "GR", "ka"))
                        .map(value -> (Object) value);
            case "integer" -> Arbitraries.oneOf(Arbitraries.integers().map(value -> (Object) value),
                    Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0, -1));
            case "number" -> Arbitraries.oneOf(Arbitraries.doubles().map(value -> (Object) value),
                    Arbitraries.of(Double.MAX_VALUE, -0.0, 1e-300));
            case "boolean" -> Arbitraries.of(true, false);
            default -> hostileValues();
        };
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>(schema.get("enum").values().stream().map(JsonNode::asString).toList());
        values.add("NOT_A_KNOWN_VALUE");
        values.add("");
        return values;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return type.values().stream().map(JsonNode::asString).filter(name -> !name.equals("null")).findFirst()
                .orElse("");
        }
        return schema.has("properties") ? "object" : type.asString("");
    }

    /** Values of any wrong kind: what a client's bug or an attacker puts where something else belongs. */
    private static Arbitrary<Object> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, 0, -1, 3.5, List.of(), Map.of(), List.of(Map.of("x", 1)), Map.of("$where", "1")),
                oddStrings().map(value -> (Object) value),
                Arbitraries.integers().between(10_000, 300_000).map(length -> (Object) "ა".repeat(length)),
                Arbitraries.of(new BigInteger("9".repeat(400)), new BigDecimal("1e400"), new BigDecimal("-1e-400"))
                    .map(value -> (Object) value),
                Arbitraries.integers().between(50, 300).map(HostileRequests::nestedLists));
    }

    private static Arbitrary<String> oddStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("\u202Eevil\u202C", "a\u200Db\u200B", "e\u0301\u0301\u0301", "\u0000", "\uFEFFname",
                        "\uD800", "\uDFFF\uD800", "😀👨‍👩‍👧", "ᲕᲐᲮᲢᲐᲜᲒ", "ვახტანგ", "Ваxтанг", " ", "\t\n\r",
                        "'; DROP TABLE migrants; --", "{\"$gt\": \"\"}", "../../etc/passwd", "%00", "${jndi:x}"));
    }

    private static Object nestedLists(int depth) {
        Object nested = List.of();
        for (int i = 0; i < depth; i++) {
            nested = List.of(nested);
        }
        return nested;
    }

    private static Arbitrary<String> malformedJson() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of("{", "{\"a\":", "{\"a\":1,}", "[1,2", "{'a':1}", "{\"a\":\"\\ud800\"}", "\u0000{}",
                        "{\"a\":NaN}", "{\"a\":1}{\"b\":2}", "\uFEFF{}"));
    }

    private static Arbitrary<String> deepNesting() {
        return Arbitraries.integers().between(1_000, 20_000)
            .map(depth -> "[".repeat(depth) + "]".repeat(depth));
    }

    private static Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("000000000000000000000000", "%", "..", "a".repeat(5_000), "GE-IM-KUTAISI", "-1",
                        "ვახტანგ", "\u202E"));
    }

    private static int countVariables(String path) {
        return (int) PATH_VARIABLE.matcher(path).results().count();
    }

    private static String fill(String path, List<String> values) {
        Matcher matcher = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        int i = 0;
        while (matcher.find()) {
            String encoded = URLEncoder.encode(values.get(i++), StandardCharsets.UTF_8).replace("+", "%20");
            matcher.appendReplacement(filled, Matcher.quoteReplacement(encoded));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Answer send(ServedApi.Operation operation, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.uri()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + operation.token())
            .header("Content-Type", request.contentType())
            .method(operation.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(operation.method(), request.uri(), request.contentType(), request.body(),
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no answer to " + operation.method() + " " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}

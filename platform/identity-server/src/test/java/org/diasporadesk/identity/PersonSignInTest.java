package org.diasporadesk.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in as a screen does it: the authorization code flow with PKCE through the sign-in form, the code
 * exchanged for tokens from the screen's origin. The tokens carry the person's own role and area.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonSignInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCREEN = "http://localhost:8084/dashboard/index.html";
    private static final String VERIFIER = "a-verifier-of-the-screen-long-enough-for-pkce-0123456789";

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPlannerSignsInWithTheFormAndGetsATokenWithTheirOwnRoleRegionAndName() throws Exception {
        HttpResponse<String> token = exchange(signIn("lasha.nikoladze", "demo"), VERIFIER);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8084");
        JsonNode claims = claimsOf(JSON.readTree(token.body()).get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo("lasha.nikoladze");
        assertThat(claims.get("name").asString()).isEqualTo("Lasha Nikoladze");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("REGIONAL_PLANNER");
        assertThat(claims.get("region").asString()).isEqualTo("GE-IM");
        assertThat(claims.has("municipality")).isFalse();
    }

    @Test
    void anAgentOfTkibuliGetsTkibuliNotKutaisi() throws Exception {
        HttpResponse<String> token = exchange(signIn("mariam.chikovani", "demo"), VERIFIER);

        JsonNode claims = claimsOf(JSON.readTree(token.body()).get("access_token").asString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("HOTLINE_AGENT");
        assertThat(claims.get("municipality").asString()).isEqualTo("GE-IM-TKIBULI");
    }

    @Test
    void aCodeWithoutTheVerifierOfItsChallengeGetsNoToken() throws Exception {
        assertThat(exchange(signIn("lasha.nikoladze", "demo"), "another-verifier-that-does-not-match-the-challenge")
            .statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongPasswordStaysOnTheSignInForm() throws Exception {
        startAuthorization();
        HttpResponse<String> form = get("/login");
        HttpResponse<String> refused = postLogin("lasha.nikoladze", "guess", csrf(form.body()));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    /** The authorization request, the form, and the code the issuer sends the screen back with. */
    private String signIn(String userName, String password) throws Exception {
        HttpResponse<String> authorize = startAuthorization();
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> form = get("/login");
        HttpResponse<String> signedIn = postLogin(userName, password, csrf(form.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(signedIn.headers()
            .firstValue("Location").orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofString());
        String toScreen = back.headers().firstValue("Location").orElseThrow();
        assertThat(toScreen).startsWith(SCREEN + "?code=").endsWith("&state=s1");
        return URI.create(toScreen).getQuery().replaceAll(".*code=([^&]*).*", "$1");
    }

    private HttpResponse<String> startAuthorization() throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/authorize?response_type=code"
                + "&client_id=desk-web&scope=openid&state=s1&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + encode(SCREEN))))
            .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://localhost:8084")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=desk-web&code="
                    + encode(code) + "&redirect_uri=" + encode(SCREEN) + "&code_verifier=" + encode(verifier)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String userName, String password, String csrf) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(userName) + "&password="
                    + encode(password) + "&_csrf=" + encode(csrf)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String form) {
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as(form).isTrue();
        return token.group(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode claimsOf(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}

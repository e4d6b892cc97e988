package org.diasporadesk.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoTokenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void registryOfficerGetsATokenCarryingRoleAndMunicipality() {
        JsonNode claims = claimsOf(token("registry-officer", "demo-registry-officer"));

        assertThat(claims.get("roles").get(0).asString()).isEqualTo("REGISTRY_OFFICER");
        assertThat(claims.get("municipality").asString()).isEqualTo("GE-IM-KUTAISI");
        assertThat(claims.get("sub").asString()).isEqualTo("registry-officer");
    }

    @Test
    void regionalPlannerGetsTheRegionAndNoMunicipality() {
        JsonNode claims = claimsOf(token("regional-planner", "demo-regional-planner"));

        assertThat(claims.get("region").asString()).isEqualTo("GE-IM");
        assertThat(claims.has("municipality")).isFalse();
    }

    @Test
    void aWrongSecretGetsNoToken() {
        int status = client().post().uri("/oauth2/token")
            .headers(headers -> headers.setBasicAuth("registry-officer", "guess"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("grant_type=client_credentials")
            .retrieve()
            .onStatus(HttpStatusCode::isError, (request, response) -> {
            })
            .toBodilessEntity()
            .getStatusCode()
            .value();

        assertThat(status).isEqualTo(401);
    }

    @Test
    void healthIsOpenForTheLauncherToWaitOn() {
        assertThat(client().get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode()
            .is2xxSuccessful()).isTrue();
    }

    private String token(String client, String secret) {
        String body = client().post().uri("/oauth2/token")
            .headers(headers -> headers.setBasicAuth(client, secret))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("grant_type=client_credentials")
            .retrieve()
            .body(String.class);
        return JSON.readTree(body).get("access_token").asString();
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }

    private static JsonNode claimsOf(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}

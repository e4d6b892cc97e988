package org.diasporadesk.registry.household;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class MigrantSearchIT {

    private static final String ZESTAPONI = "GE-IM-ZESTAPONI";
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, ZESTAPONI);

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void findsAMigrantRegisteredInGeorgianByCyrillicAndLatinSpellings() {
        String household = register("ზურაბ", "ხარაიშვილი", "+393451000001");

        for (String spelling : List.of("Зураб Хараишвили", "Zurab Kharaishvili", "zurab xaraishvili", "ხარაიშვილი")) {
            JsonNode page = search("name", spelling);
            assertThat(page.get("total").asLong()).as(spelling).isEqualTo(1);
            assertThat(page.at("/items/0/householdId").asString()).isEqualTo(household);
            assertThat(page.at("/items/0/familyName").asString()).isEqualTo("ხარაიშვილი");
        }
    }

    @Test
    void findsAMigrantByPhoneInAnyFormat() {
        register("მაია", "ცინცაძე", "+393451000002");

        assertThat(search("phone", "0039 345 100 0002").at("/items/0/givenName").asString()).isEqualTo("მაია");
        assertThat(search("phone", "+39 345 1000002").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anotherMunicipalitysOfficerFindsNothingAndCannotAskForIt() {
        register("დავით", "სულაბერიძე", "+393451000003");
        String batumi = TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-AJ-BATUMI");

        ApiClient.Response own = api.get("/migrants?name={name}", batumi, "Davit Sulaberidze");
        ApiClient.Response foreign = api.get("/migrants?municipality={m}", batumi, ZESTAPONI);

        assertThat(own.body().get("total").asLong()).isZero();
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().at("/errors/0/field").asString()).isEqualTo("municipality");
    }

    @Test
    void everySearchIsInTheAuditTrailWithItsPurposeButNotTheNameOrNumberSearchedFor() {
        Instant before = Instant.now();
        register("ეკა", "ლომიძე", "+393451000004");
        ApiClient.Response searched = api.getWithHeader("/migrants?name={name}", OFFICER, "X-Purpose",
                "callback about work permit", "Eka Lomidze");
        String migrantId = searched.body().at("/items/0/migrantId").asString();

        JsonNode entries = api.get("/audit?since={since}&user={user}", TestTokens.national(Role.ADMINISTRATOR),
                before.toString(), "registry_officer@" + ZESTAPONI).body();

        assertThat(entries.valueStream().filter(entry -> entry.get("records").toString().contains(migrantId)))
            .singleElement()
            .satisfies(entry -> {
                assertThat(entry.get("purpose").asString()).isEqualTo("callback about work permit");
                assertThat(entry.get("action").asString()).isEqualTo("search migrants by name");
                assertThat(entry.toString()).doesNotContainIgnoringCase("Lomidze").doesNotContain("ლომიძე");
            });
        assertThat(api.get("/audit?since={since}", OFFICER, before.toString()).status()).isEqualTo(403);
    }

    @Test
    void rejectsAnOversizedPageNamingTheField() {
        ApiClient.Response response = api.get("/migrants?size={size}", OFFICER, 1000);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("size");
    }

    private JsonNode search(String parameter, String value) {
        ApiClient.Response response = api.get("/migrants?" + parameter + "={value}", OFFICER, value);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private String register(String given, String family, String phone) {
        ApiClient.Response response = api.post("/households", OFFICER, Map.of("municipalityCode", ZESTAPONI,
                "migrants", List.of(Map.of("givenName", given, "familyName", family, "sex", "FEMALE",
                        "destinationCountry", "IT", "lifecycleStage", "ABROAD", "phones", List.of(phone),
                        "consent", Map.of("hotline", true, "outreach", false, "statistics", true)))));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }
}

package org.diasporadesk.registry.household.matching;

import java.util.HashMap;
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
class DuplicateDetectionIT {

    private static final String KUTAISI = "GE-IM-KUTAISI";
    private static final String BATUMI = "GE-AJ-BATUMI";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void theSameMigrantReportedInCyrillicIsShownToTheOfficerInFull() {
        String first = register(KUTAISI, migrant("ლაშა", "მგელაძე", null, 1979, "+491701000001")).get("id").asString();

        JsonNode second = register(KUTAISI, migrant("Лаша", "Мгеладзе", null, 1980, "+491701000002"));

        JsonNode duplicate = second.at("/possibleDuplicates/0");
        assertThat(duplicate.get("migrantIndex").asInt()).isZero();
        JsonNode candidate = duplicate.at("/inYourMunicipality/0");
        assertThat(candidate.get("householdId").asString()).isEqualTo(first);
        assertThat(candidate.get("name").asString()).contains("ლაშა მგელაძე");
        assertThat(candidate.get("reasons").toString()).contains("SAME_NAME", "NEAR_BIRTH_YEAR", "SAME_DESTINATION");
        assertThat(duplicate.get("inOtherOffices")).isEmpty();
    }

    @Test
    void anotherOfficeLearnsOnlyThatAPossibleDuplicateExistsAndWhereToAsk() {
        JsonNode kutaisi = register(KUTAISI, migrant("გელა", "ქავთარაძე", null, 1985, "+306944000003"));

        JsonNode batumi = register(BATUMI, migrant(null, null, "Gela Kavtaradze", 1985, "0030 694 400 0003"));

        JsonNode office = batumi.at("/possibleDuplicates/0/inOtherOffices/0");
        assertThat(office.get("municipalityCode").asString()).isEqualTo(KUTAISI);
        assertThat(office.get("municipalityName").asString()).isEqualTo("Kutaisi");
        assertThat(office.get("reasons").toString()).contains("SAME_PHONE", "SAME_NAME", "SAME_BIRTH_YEAR");
        assertThat(batumi.at("/possibleDuplicates/0/inYourMunicipality")).isEmpty();
        assertThat(batumi.at("/possibleDuplicates").toString())
            .doesNotContain(kutaisi.get("id").asString(), "ქავთარაძე", "informant");
    }

    @Test
    void differentPeopleAreNotFlagged() {
        register(KUTAISI, migrant("თეა", "ბაქრაძე", null, 1990, "+393401000004"));

        JsonNode other = register(KUTAISI, migrant("თეა", "ბაქრაძე", null, 1975, "+393401000005"));

        assertThat(other.get("possibleDuplicates")).isEmpty();
    }

    private JsonNode register(String municipality, Map<String, Object> migrant) {
        ApiClient.Response response = api.post("/households", TestTokens.municipal(Role.REGISTRY_OFFICER, municipality),
                Map.of("municipalityCode", municipality, "informants", List.of(Map.of("name", "informant")),
                        "migrants", List.of(migrant)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private static Map<String, Object> migrant(String given, String family, String latin, int birthYear, String phone) {
        Map<String, Object> migrant = new HashMap<>();
        migrant.put("givenName", given);
        migrant.put("familyName", family);
        migrant.put("nameLatin", latin);
        migrant.put("sex", "MALE");
        migrant.put("birthYear", birthYear);
        migrant.put("destinationCountry", "DE");
        migrant.put("lifecycleStage", "ABROAD");
        migrant.put("phones", List.of(phone));
        migrant.put("consent", Map.of("hotline", true, "outreach", true, "statistics", true));
        return migrant;
    }
}

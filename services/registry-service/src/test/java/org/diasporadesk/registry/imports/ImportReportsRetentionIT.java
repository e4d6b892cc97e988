package org.diasporadesk.registry.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.diasporadesk.chassis.retention.RetentionJob;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report of an import's rejected rows holds the values that were wrong, often someone's number: the retention
 * schedule deletes it 30 days after the import, and keeps the import's counts.
 */
@ServiceIntegrationTest
class ImportReportsRetentionIT {

    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-IM-TERJOLA");

    @LocalServerPort
    int port;

    @Autowired
    RetentionJob retention;

    @Test
    void aRejectedRowsReportIsDeletedThirtyDaysAfterTheImportAndItsCountsStay() {
        ApiClient api = ApiClient.local(port);
        String jobId = api.postCsv("/imports", OFFICER, """
                external_id,household_ref,municipality_code,name_latin,sex,birth_year,destination_country,phone,lifecycle_stage,consent_statistics,consent_hotline,consent_outreach
                ret-1,H-ret-1,GE-IM-TERJOLA,Tamar Retention,F,1990,IT,+39 345 100 00 01 999,abroad,yes,yes,yes
                """).body().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> api.get("/imports/" + jobId, OFFICER).body().get("status").asString().equals("COMPLETED"));
        assertThat(api.getText("/imports/" + jobId + "/errors", OFFICER)).contains("345 100 00 01 999");

        retention.applyAt(Instant.now().plus(Duration.ofDays(29)));
        assertThat(api.getText("/imports/" + jobId + "/errors", OFFICER)).as("a month not yet over")
            .contains("345 100 00 01 999");

        Map<String, Long> removed = retention.applyAt(Instant.now().plus(Duration.ofDays(31)));

        assertThat(removed.get("import-reports")).isPositive();
        assertThat(api.getText("/imports/" + jobId + "/errors", OFFICER).strip()).isEqualTo("line,column,value,reason");
        JsonNode job = api.get("/imports/" + jobId, OFFICER).body();
        assertThat(job.get("rowsRejected").asLong()).isEqualTo(1);
    }
}

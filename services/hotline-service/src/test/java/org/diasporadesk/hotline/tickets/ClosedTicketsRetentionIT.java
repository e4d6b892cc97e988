package org.diasporadesk.hotline.tickets;

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

/**
 * A year after a ticket was finished, the retention schedule removes the caller's number and name and the notes
 * about them; the anonymous ticket stays, and a ticket still open keeps everything.
 */
@ServiceIntegrationTest
class ClosedTicketsRetentionIT {

    private static final String AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-KUTAISI");

    @LocalServerPort
    int port;

    @Autowired
    RetentionJob retention;

    @Test
    void aTicketFinishedAYearAgoKeepsItsTopicAndTimesButNotTheCallerOrNotes() {
        ApiClient api = ApiClient.local(port);
        String finished = open(api, "+30 691 700 0101", "asks where the transfer went");
        String stillOpen = open(api, "+30 691 700 0102", "asks about a residence permit");
        api.put("/tickets/{id}/assignee", AGENT, Map.of(), finished);
        for (String status : new String[] { "IN_PROGRESS", "RESOLVED", "CLOSED" }) {
            assertThat(api.put("/tickets/{id}/status", AGENT, Map.of("status", status), finished).status())
                .as(status).isEqualTo(200);
        }

        retention.applyAt(Instant.now().plus(Duration.ofDays(364)));
        assertThat(api.get("/tickets/" + finished, AGENT).body().at("/caller/phone").asString())
            .as("within the year").isEqualTo("+306917000101");

        Map<String, Long> changed = retention.applyAt(Instant.now().plus(Duration.ofDays(366)));

        assertThat(changed.get("closed-ticket-text")).isPositive();
        JsonNode anonymous = api.get("/tickets/" + finished, AGENT).body();
        assertThat(anonymous.toString()).doesNotContain("7000101", "transfer");
        assertThat(anonymous.at("/topic/code").asString()).isEqualTo("remittances");
        assertThat(anonymous.get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.get("/tickets/" + stillOpen, AGENT).body().toString()).contains("+306917000102",
                "residence permit");
    }

    private static String open(ApiClient api, String phone, String note) {
        ApiClient.Response opened = api.post("/tickets", AGENT, Map.of("phone", phone, "topic", "remittances",
                "channel", "INBOUND_CALL", "note", note));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.body().at("/ticket/id").asString();
    }
}

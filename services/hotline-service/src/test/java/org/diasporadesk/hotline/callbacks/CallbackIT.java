package org.diasporadesk.hotline.callbacks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.hotline.KnownHouseholds;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Callbacks are planned at a reasonable hour where the caller lives, and agents see what is due. */
@ServiceIntegrationTest
class CallbackIT {

    private static final String AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-KUTAISI");
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void aMigrantInAthensIsCalledBackAtAnAthensHour() {
        String ticket = ticketOfAMigrantInAthens("+306912347001");
        LocalDate tomorrow = LocalDate.now(ATHENS).plusDays(1);

        ApiClient.Response atNight = api.post("/tickets/" + ticket + "/callbacks", AGENT,
                Map.of("at", tomorrow.atTime(3, 0).atZone(ATHENS).toInstant().toString()));
        assertThat(atNight.status()).isEqualTo(400);
        assertThat(atNight.body().at("/errors/0/field").asString()).isEqualTo("at");
        assertThat(atNight.body().get("detail").asString()).contains("03:00", "Europe/Athens", "T09:00");

        ApiClient.Response planned = api.post("/tickets/" + ticket + "/callbacks", AGENT,
                Map.of("at", tomorrow.atTime(18, 0).atZone(ATHENS).toInstant().toString()));
        assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
        assertThat(planned.body().get("callerLocalTime").asString()).isEqualTo(tomorrow + "T18:00:00");
        String id = planned.body().at("/callback/id").asString();

        List<String> due = api.get("/callbacks?within=P3D", AGENT).body().valueStream()
            .map(c -> c.at("/callback/id").asString()).toList();
        assertThat(due).contains(id);
        assertThat(api.get("/callbacks?within=P3D", TestTokens.municipal(Role.HOTLINE_AGENT, "GE-AJ-BATUMI")).body()
            .valueStream().map(c -> c.at("/callback/id").asString())).doesNotContain(id);

        assertThat(api.put("/callbacks/{id}/status", AGENT, Map.of("status", "DONE"), id).status()).isEqualTo(200);
        assertThat(api.get("/callbacks?within=P3D", AGENT).body().valueStream()
            .map(c -> c.at("/callback/id").asString())).doesNotContain(id);
    }

    @Test
    void aCallerWhoseTimeZoneIsUnknownNeedsTheAgentToGiveIt() {
        String ticket = api.post("/tickets", AGENT, Map.of("phone", "+1 312 555 0101", "topic", "employment-abroad",
                "callerKind", "MIGRANT_ABROAD")).body().at("/ticket/id").asString();
        Instant evening = LocalDate.now(ZoneId.of("America/Chicago")).plusDays(1).atTime(19, 0)
            .atZone(ZoneId.of("America/Chicago")).toInstant();

        ApiClient.Response unknown = api.post("/tickets/" + ticket + "/callbacks", AGENT, Map.of("at", evening.toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/errors/0/field").asString()).isEqualTo("timeZone");
        ApiClient.Response wrong = api.post("/tickets/" + ticket + "/callbacks", AGENT,
                Map.of("at", evening.toString(), "timeZone", "Mars/Olympus"));
        assertThat(wrong.body().at("/errors/0/field").asString()).isEqualTo("timeZone");

        ApiClient.Response given = api.post("/tickets/" + ticket + "/callbacks", AGENT,
                Map.of("at", evening.toString(), "timeZone", "America/Chicago"));
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.body().get("callerLocalTime").asString()).endsWith("T19:00:00");
        assertThat(api.post("/tickets/" + ticket + "/callbacks", AGENT, Map.of("at", "2020-01-01T10:00:00Z",
                "timeZone", "America/Chicago")).body().at("/errors/0/field").asString()).isEqualTo("at");
    }

    /** The registry's golden household, living in Athens, applied by the hotline; a ticket opened from its number. */
    private String ticketOfAMigrantInAthens(String phone) {
        KnownHouseholds.publishAndAwait(api, AGENT, phone, null);
        JsonNode ticket = api.post("/tickets", AGENT, Map.of("phone", phone, "topic", "documents")).body().get("ticket");
        assertThat(ticket.at("/caller/timeZone").asString()).isEqualTo("Europe/Athens");
        return ticket.get("id").asString();
    }
}

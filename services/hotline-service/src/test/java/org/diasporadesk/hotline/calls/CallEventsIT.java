package org.diasporadesk.hotline.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.hotline.KnownHouseholds;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.EventStream;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The office's telephony system posts call events; agents see who calls and open tickets from answered calls. */
@ServiceIntegrationTest
class CallEventsIT {

    private static final String TELEPHONY = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-KUTAISI");
    private static final String KUTAISI_LINE = "0431 24 00 00";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void aRingingCallShowsTheCallerAndAnAnsweredOneBecomesATicketWithItsTalkTime() {
        HouseholdRegistered household = known("+306912348001");
        String callId = "pbx-" + UUID.randomUUID();

        JsonNode ringing = event("RINGING", callId, "00306912348001").body();
        assertThat(ringing.at("/call/state").asString()).isEqualTo("RINGING");
        assertThat(ringing.at("/recognition/candidates/0/migrantId").asString())
            .isEqualTo(household.migrants().get(0).migrantId());

        event("ANSWERED", callId, "00306912348001");
        assertThat(api.get("/calls/drafts", TELEPHONY).body().valueStream().map(c -> c.at("/call/callId").asString()))
            .contains(callId);
        ApiClient.Response opened = api.post("/calls/" + callId + "/ticket", TELEPHONY, Map.of("topic", "remittances"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String ticket = opened.body().at("/ticket/id").asString();
        assertThat(opened.body().at("/ticket/channel").asString()).isEqualTo("INBOUND_CALL");
        assertThat(opened.body().at("/ticket/caller/migrantId").asString()).isEqualTo(household.migrants().get(0).migrantId());
        assertThat(api.get("/calls/drafts", TELEPHONY).body().valueStream().map(c -> c.at("/call/callId").asString()))
            .doesNotContain(callId);

        event("ENDED", callId, "00306912348001");
        event("ENDED", callId, "00306912348001");
        event("ANSWERED", callId, "00306912348001");

        var logged = KafkaProbe.awaitRecord(Topic.HOTLINE_TICKETS.topicName(), record -> callId.equals(record.key()),
                Duration.ofSeconds(15));
        assertThat(KafkaProbe.header(logged, "ce_type")).isEqualTo(EventType.CALL_LOGGED_V1.typeName());
        assertThat(new String(logged.value())).contains("\"answered\":true", ticket).doesNotContain("2348001");
        JsonNode notes = api.get("/tickets/" + ticket, TELEPHONY).body().get("notes");
        assertThat(notes).as("a repeated end is recorded once").hasSize(1);
        assertThat(notes.get(0).get("text").asString()).startsWith("Call from the caller: 0 min").endsWith("s talk time");
    }

    @Test
    void theAgentsScreenRingsWithTheRecognisedCallerAndFollowsTheCallToItsTicket() throws Exception {
        HouseholdRegistered household = known("+306912348003");
        String callId = "pbx-" + UUID.randomUUID();
        try (EventStream kutaisi = EventStream.open(port, "/calls/stream", TELEPHONY);
                EventStream tkibuli = EventStream.open(port, "/calls/stream",
                        TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-TKIBULI"))) {
            assertThat(kutaisi.status()).isEqualTo(200);
            assertThat(kutaisi.next(Duration.ofSeconds(5)).name()).as("the calls under way come first").isEqualTo("calls");

            Instant rang = Instant.now();
            event("RINGING", callId, "+30 691 234 8003");
            JsonNode ringing = callOnScreen(kutaisi, callId, "RINGING");
            System.out.printf("a ringing call on the agent's screen %d ms after the telephony system's event%n",
                    Duration.between(rang, Instant.now()).toMillis());
            assertThat(ringing.at("/recognition/candidates/0/migrantId").asString())
                .isEqualTo(household.migrants().get(0).migrantId());
            assertThat(ringing.at("/recognition/candidates/0/municipalityCode").asString()).isEqualTo("GE-IM-KUTAISI");

            event("ANSWERED", callId, "+30 691 234 8003");
            callOnScreen(kutaisi, callId, "ANSWERED");
            ApiClient.Response opened = api.post("/calls/" + callId + "/ticket", TELEPHONY, Map.of("topic", "documents"));
            assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
            assertThat(callOnScreen(kutaisi, callId, "ANSWERED").at("/call/ticketId").asString())
                .isEqualTo(opened.body().at("/ticket/id").asString());
            event("ENDED", callId, "+30 691 234 8003");
            Instant giveUp = Instant.now().plusSeconds(5);
            boolean gone = false;
            while (!gone && Instant.now().isBefore(giveUp)) {
                EventStream.Event next = kutaisi.next(Duration.ofSeconds(1));
                gone = next != null && !next.data().toString().contains(callId);
            }
            assertThat(gone).as("an ended call leaves the screen").isTrue();

            for (EventStream.Event event = tkibuli.next(Duration.ofMillis(300)); event != null;
                    event = tkibuli.next(Duration.ofMillis(300))) {
                assertThat(event.data().toString()).as("another office's screen").doesNotContain(callId, "2348003");
            }
        }
    }

    @Test
    void anUnknownLineIsRefusedNamingIt() {
        ApiClient.Response response = api.post("/calls/events", TELEPHONY, Map.of("event", "RINGING", "callId", "x-1",
                "from", "+306912348002", "line", "+995 32 200 00 00"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("line");
        assertThat(api.post("/calls/events", TestTokens.municipal(Role.HOTLINE_AGENT, "GE-AJ-BATUMI"), Map.of("event",
                "RINGING", "callId", "x-2", "from", "+306912348002", "line", KUTAISI_LINE)).status())
            .as("another office's telephony").isEqualTo(400);
    }

    private ApiClient.Response event(String event, String callId, String from) {
        ApiClient.Response response = api.post("/calls/events", TELEPHONY, Map.of("event", event, "callId", callId,
                "from", from, "line", KUTAISI_LINE));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    /** The call as the next {@code calls} event listing it in this state shows it. */
    private static JsonNode callOnScreen(EventStream stream, String callId, String state) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(giveUp)) {
            EventStream.Event event = stream.next(Duration.between(Instant.now(), giveUp));
            if (event == null || !event.name().equals("calls")) {
                continue;
            }
            for (JsonNode call : event.data()) {
                if (call.at("/call/callId").asString().equals(callId) && call.at("/call/state").asString().equals(state)) {
                    return call;
                }
            }
        }
        throw new AssertionError("call " + callId + " not shown " + state + " within 5 s");
    }

    private HouseholdRegistered known(String phone) {
        return KnownHouseholds.publishAndAwait(api, TELEPHONY, phone, null);
    }
}

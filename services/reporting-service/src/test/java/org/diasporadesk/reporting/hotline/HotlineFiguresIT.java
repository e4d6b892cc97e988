package org.diasporadesk.reporting.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.GoldenSamples;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.diasporadesk.reporting.hotline.application.TicketFacts;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diasporadesk.reporting.PublishedCells.assertCountOrWithheld;
import static org.awaitility.Awaitility.await;

/** Planners see hotline volume, first-response and resolution times from the hotline's PII-free ticket facts. */
@ServiceIntegrationTest
class HotlineFiguresIT {

    /** Racha-Lechkhumi: no other test publishes tickets there. */
    private static final String REGION = "GE-RL";
    private static final String PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, REGION);

    @LocalServerPort
    int port;

    @Autowired
    TicketFacts facts;

    @Autowired
    Territory territory;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    /** Operators follow how long applying each topic's events takes on the endpoint that Prometheus scrapes. */
    @Test
    void consumingIsTimedPerTopicForPrometheus() {
        // Guria: no test counts tickets there.
        TicketFactsFeed.opened("GE-GU-OZURGETI", Instant.parse("2026-03-03T08:00:00Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.getText("/actuator/prometheus", null))
            .containsPattern("spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\""
                    + Pattern.quote(Topic.HOTLINE_TICKETS.topicName()) + "\""));
    }

    @Test
    void ticketsAreCountedOnceByTopicAndUnitWithSmallCellsSuppressed() {
        for (int i = 0; i < 6; i++) {
            String ticket = UUID.randomUUID().toString();
            publish(opened(ticket, "GE-RL-AMBROLAURI", "remittances"), EventType.TICKET_OPENED_V1, ticket, 1);
            publish(breach(ticket, "GE-RL-AMBROLAURI", "remittances"), EventType.TICKET_SERVICE_LEVEL_BREACHED_V1, ticket, 2);
            publish(responded(ticket, "GE-RL-AMBROLAURI", "remittances", 10L * (i + 1)), EventType.TICKET_RESPONDED_V1,
                    ticket, 3);
            publish(resolved(ticket, "GE-RL-AMBROLAURI", "remittances", 30L * (i + 1)), EventType.TICKET_STATUS_CHANGED_V1,
                    ticket, 4);
            publish(referred(ticket, "GE-RL-AMBROLAURI", "remittances"), EventType.TICKET_REFERRED_V1, ticket, 5);
            publish(outcome(ticket, "GE-RL-AMBROLAURI", "remittances"), EventType.REFERRAL_OUTCOME_RECORDED_V1, ticket, 6);
        }
        String redelivered = UUID.randomUUID().toString();
        publish(opened(redelivered, "GE-RL-ONI", "missing-person"), EventType.TICKET_OPENED_V1, redelivered, 1);
        publish(opened(redelivered, "GE-RL-ONI", "missing-person"), EventType.TICKET_OPENED_V1, redelivered, 1);
        publish(breach(redelivered, "GE-RL-ONI", "missing-person"), EventType.TICKET_SERVICE_LEVEL_BREACHED_V1,
                redelivered, 2);
        publish(breach(redelivered, "GE-RL-ONI", "missing-person"), EventType.TICKET_SERVICE_LEVEL_BREACHED_V1,
                redelivered, 2);
        publish(referred(redelivered, "GE-RL-ONI", "missing-person"), EventType.TICKET_REFERRED_V1, redelivered, 3);

        await().atMost(Duration.ofSeconds(15)).until(() -> tickets() == 7);
        JsonNode figures = api.get("/figures/hotline?area={a}", PLANNER, REGION).body();
        assertCountOrWithheld(figures.at("/byPriority/HIGH"), 7);
        assertThat(figures.at("/byTopic/missing-person/suppressed").asBoolean()).as("one call: it would identify").isTrue();
        assertThat(figures.at("/byTopic/missing-person/value").isNull()).isTrue();
        assertThat(figures.at("/byTopic/remittances/suppressed").asBoolean())
            .as("with the total shown, the other topic must go too, or 7 - 6 gives the suppressed one away").isTrue();
        assertThat(figures.at("/byStatus/NEW/suppressed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> facts.within(territory.lowestLevelUnitsWithin(REGION))
            .stream().filter(ticket -> ticket.responseBreached() && ticket.referralOutcome() != null).count() == 7);
        figures = api.get("/figures/hotline?area={a}", PLANNER, REGION).body();
        assertCountOrWithheld(figures.at("/serviceLevelBreaches/RESPONSE"), 7);
        assertThat(figures.at("/serviceLevelBreaches/RESOLUTION/value").asLong()).isZero();
        assertCountOrWithheld(figures.at("/referred"), 7);
        JsonNode referrals = figures.get("referralOutcomes");
        assertThat(referrals.at("/PENDING/suppressed").asBoolean()).isTrue();
        assertThat(referrals.at("/HELPED/suppressed").asBoolean()).isTrue();
        // Office minutes as the hotline's service-level clock counts them, not the wall-clock minutes.
        assertThat(figures.at("/firstResponse/medianOfficeMinutes").asLong()).isEqualTo(30);
        assertThat(figures.at("/firstResponse/p90OfficeMinutes").asLong()).isEqualTo(60);
        assertThat(figures.at("/resolution/medianOfficeMinutes").asLong()).isEqualTo(90);
        assertThat(figures.at("/resolution/p90OfficeMinutes").asLong()).isEqualTo(180);
        assertThat(figures.get("below").valueStream()
            .filter(unit -> unit.get("area").asString().equals("GE-RL-ONI"))
            .findFirst().orElseThrow().at("/tickets/suppressed").asBoolean()).isTrue();
        assertThat(api.get("/figures/hotline?area={a}", PLANNER, "GE-IM").status()).isEqualTo(403);
    }

    @Test
    void callsAreCountedAnsweredAndMissedOnce() {
        CallLogged sample = EventCodec.decode(GoldenSamples.bytes(EventType.CALL_LOGGED_V1), CallLogged.class);
        for (int i = 0; i < 10; i++) {
            String call = "pbx-" + UUID.randomUUID();
            CallLogged logged = new CallLogged(call, "GE-RL-TSAGERI", sample.direction(), i < 5, sample.waitSeconds(),
                    i < 5 ? sample.talkSeconds() : 0, sample.endedAt(), null);
            publish(logged, EventType.CALL_LOGGED_V1, call, 1);
            publish(logged, EventType.CALL_LOGGED_V1, call, 1);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/figures/hotline?area={a}", PLANNER,
                "GE-RL-TSAGERI").body().at("/calls/ANSWERED/value").asLong() == 5);
        JsonNode calls = api.get("/figures/hotline?area={a}", PLANNER, "GE-RL-TSAGERI").body().get("calls");
        assertThat(calls.at("/MISSED/value").asLong()).as("each call once, though delivered twice").isEqualTo(5);
    }

    /**
     * Tickets the projection holds for the region. The published total may be withheld to protect a small count
     * elsewhere in the nation (the pattern covers the whole territory), so counting is checked on the projection.
     */
    private long tickets() {
        return facts.within(territory.lowestLevelUnitsWithin(REGION)).size();
    }

    private static TicketOpened opened(String ticket, String office, String topic) {
        TicketOpened sample = EventCodec.decode(GoldenSamples.bytes(EventType.TICKET_OPENED_V1), TicketOpened.class);
        return new TicketOpened(ticket, office, topic, sample.priority(), sample.channel(), sample.callerKind(),
                topic.equals("missing-person"), sample.openedAt());
    }

    /** Resolved after {@code officeMinutes} on the service-level clock, and three times as long by the wall clock. */
    private static TicketStatusChanged resolved(String ticket, String office, String topic, long officeMinutes) {
        TicketStatusChanged sample = EventCodec.decode(GoldenSamples.bytes(EventType.TICKET_STATUS_CHANGED_V1),
                TicketStatusChanged.class);
        return new TicketStatusChanged(ticket, office, topic, sample.priority(), "IN_PROGRESS", "RESOLVED",
                sample.changedAt(), 3 * officeMinutes, officeMinutes);
    }

    private static TicketResponded responded(String ticket, String office, String topic, long officeMinutes) {
        TicketResponded sample = EventCodec.decode(GoldenSamples.bytes(EventType.TICKET_RESPONDED_V1),
                TicketResponded.class);
        return new TicketResponded(ticket, office, topic, sample.priority(), sample.respondedAt(), officeMinutes);
    }

    private static TicketServiceLevelBreached breach(String ticket, String office, String topic) {
        TicketServiceLevelBreached sample = EventCodec.decode(
                GoldenSamples.bytes(EventType.TICKET_SERVICE_LEVEL_BREACHED_V1), TicketServiceLevelBreached.class);
        return new TicketServiceLevelBreached(ticket, office, topic, sample.priority(), sample.target(),
                sample.officeMinutes(), sample.breachedAt());
    }

    private static TicketReferred referred(String ticket, String office, String topic) {
        TicketReferred sample = EventCodec.decode(GoldenSamples.bytes(EventType.TICKET_REFERRED_V1), TicketReferred.class);
        return new TicketReferred(ticket, office, topic, sample.priority(), sample.referralId(), sample.partnerKind(),
                sample.referredAt());
    }

    private static ReferralOutcomeRecorded outcome(String ticket, String office, String topic) {
        ReferralOutcomeRecorded sample = EventCodec.decode(GoldenSamples.bytes(EventType.REFERRAL_OUTCOME_RECORDED_V1),
                ReferralOutcomeRecorded.class);
        return new ReferralOutcomeRecorded(ticket, office, topic, sample.referralId(), sample.partnerKind(),
                sample.outcome(), sample.recordedAt());
    }

    private static void publish(EventPayload payload, EventType type, String ticketId, long sequence) {
        KafkaProbe.publish(Topic.HOTLINE_TICKETS.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/hotline-service", type.typeName(), Instant.now(), ticketId, "GE-RL-AMBROLAURI", sequence,
                EventCodec.encode(payload)));
    }
}

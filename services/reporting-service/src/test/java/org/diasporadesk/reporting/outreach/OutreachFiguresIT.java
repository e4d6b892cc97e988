package org.diasporadesk.reporting.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Planners see outreach's messages, reach, replies and training sessions from its PII-free campaign facts. */
@ServiceIntegrationTest
class OutreachFiguresIT {

    /** Samtskhe-Javakheti: no other test publishes outreach facts there. */
    private static final String REGION = "GE-SJ";
    private static final String PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, REGION);
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void messagesCountOnceAtTheirLatestStatusWithRatesOnlyFromPublishedCounts() {
        String campaign = UUID.randomUUID().toString();
        publish(new CampaignLaunched(campaign, REGION, "EVENT", 25, AT), EventType.CAMPAIGN_LAUNCHED_V1, campaign, 1);
        for (int i = 0; i < 20; i++) {
            String message = UUID.randomUUID().toString();
            String outcome = i < 15 ? "DELIVERED" : "FAILED";
            publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", "QUEUED"), message, 1);
            if (i == 0) {
                // Overtaken: the receipt arrives before the sent status, which must not take it back.
                publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", outcome), message, 3);
                publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", "SENT"), message, 2);
            }
            else {
                publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", "SENT"), message, 2);
                publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", outcome), message, 3);
                publish(status(message, campaign, "GE-SJ-AKHALTSIKHE", outcome), message, 3);
            }
        }
        for (int i = 0; i < 5; i++) {
            String message = UUID.randomUUID().toString();
            publish(status(message, campaign, "GE-SJ-BORJOMI", "QUEUED"), message, 1);
            publish(status(message, campaign, "GE-SJ-BORJOMI", "WITHDRAWN"), message, 2);
        }
        for (int i = 0; i < 8; i++) {
            String reply = UUID.randomUUID().toString();
            ReplyRecorded recorded = new ReplyRecorded(reply, campaign, "GE-SJ-AKHALTSIKHE", "SMS",
                    i < 6 ? "ANSWER" : "OPT_OUT", i < 6 ? "YES" : null, i < 6 ? 1 : null, AT);
            publish(recorded, EventType.REPLY_RECORDED_V1, reply, 1);
            publish(recorded, EventType.REPLY_RECORDED_V1, reply, 1);
        }
        publish(new CampaignEnded(campaign, REGION, "EVENT", "COMPLETED", AT), EventType.CAMPAIGN_ENDED_V1, campaign,
                2);
        publish(new CampaignLaunched(campaign, REGION, "EVENT", 25, AT), EventType.CAMPAIGN_LAUNCHED_V1, campaign, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode figures = figures(REGION);
            return figures.at("/byStatus/DELIVERED/value").asLong() == 15
                    && figures.at("/byStatus/FAILED/value").asLong() == 5
                    && figures.at("/byStatus/WITHDRAWN/value").asLong() == 5
                    && figures.at("/campaigns/0/status").asString("").equals("COMPLETED")
                    && figures.at("/campaigns/0/answers/YES/value").asLong() == 6;
        });
        JsonNode figures = figures(REGION);
        assertThat(figures.at("/messages/value").asLong()).as("each message once, at its latest status").isEqualTo(25);
        assertThat(figures.at("/byChannel/SMS/value").asLong()).isEqualTo(25);
        assertThat(figures.get("byStatus").has("SENT")).as("every SENT was overtaken").isFalse();
        assertThat(figures.at("/deliveryRate").asDouble()).isEqualTo(0.75);
        assertThat(figures.at("/reached/value").asLong()).isEqualTo(15);
        assertThat(figures.at("/campaigns/0/reached/value").asLong()).isEqualTo(15);
        assertThat(figures.at("/campaigns/0/kind").asString()).isEqualTo("EVENT");
        assertThat(figures.at("/optOuts/suppressed").asBoolean()).as("two people: it would identify").isTrue();
        assertThat(figures.at("/optOuts/value").isNull()).isTrue();

        JsonNode borjomi = figures("GE-SJ-BORJOMI");
        assertThat(borjomi.at("/messages/value").asLong()).isEqualTo(5);
        assertThat(borjomi.at("/deliveryRate").isNull()).as("nothing dispatched there").isTrue();
        assertThat(api.get("/figures/outreach?area={a}", TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"), REGION)
            .status()).isEqualTo(403);
    }

    @Test
    void trainingSessionsShowEnrolmentAgainstCapacityAndAttendanceFromTheirLatestCounts() {
        String campaign = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        publish(roster(campaign, session, 18, 2, 0), session, 1);
        publish(roster(campaign, session, 20, 0, 15), session, 3);
        publish(roster(campaign, session, 19, 1, 0), session, 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> figures("GE-SJ-ADIGENI").at("/sessions/0/attended/value")
            .asLong() == 15);
        JsonNode sessionFigures = figures(REGION).get("sessions").valueStream()
            .filter(row -> row.get("sessionId").asString().equals(session))
            .findFirst().orElseThrow();
        assertThat(sessionFigures.get("capacity").asInt()).isEqualTo(20);
        assertThat(sessionFigures.at("/enrolled/value").asLong()).as("the late count of 19 is older").isEqualTo(20);
        assertThat(sessionFigures.at("/waiting/value").asLong()).isZero();
        assertThat(sessionFigures.get("attendanceRate").asDouble()).isEqualTo(0.75);
        assertThat(figures("GE-SJ-BORJOMI").get("sessions")).as("run by another office").isEmpty();
    }

    @Test
    void familiesAtHomeAreCountedByTheirHomeReachedEnrolledAndAttendingUnderTheSameControl() {
        String campaign = UUID.randomUUID().toString();
        for (int i = 0; i < 17; i++) {
            String message = UUID.randomUUID().toString();
            String home = i < 12 ? "GE-SJ-ASPINDZA" : i < 15 ? "GE-SJ-ADIGENI" : "GE-SJ-ASPINDZA";
            PersonKind kind = i < 15 ? PersonKind.FAMILY_MEMBER : PersonKind.MIGRANT;
            publish(new MessageStatusChanged(message, campaign, home, "SMS", "DELIVERED", AT, kind), message, 1);
        }
        String session = UUID.randomUUID().toString();
        publish(new SessionRosterChanged(campaign, session, REGION, 30, 16, 2, 14, AT, List.of(
                new SessionRosterChanged.HomeCount("GE-SJ-ASPINDZA", PersonKind.FAMILY_MEMBER, 10, 2, 8),
                new SessionRosterChanged.HomeCount("GE-SJ-ASPINDZA", PersonKind.MIGRANT, 5, 0, 5),
                new SessionRosterChanged.HomeCount("GE-SJ-ADIGENI", PersonKind.FAMILY_MEMBER, 1, 0, 1))), session, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> figures(REGION).at("/families/enrolled/value").asLong() == 11);
        JsonNode families = figures(REGION).get("families");
        assertThat(families.at("/reached/value").asLong()).as("messages that reached family members").isEqualTo(15);
        assertThat(families.at("/attended/value").asLong()).isEqualTo(9);
        assertThat(families.at("/waiting/suppressed").asBoolean()).as("two people waiting would be identified").isTrue();
        JsonNode adigeni = figures("GE-SJ-ADIGENI").get("families");
        assertThat(adigeni.at("/enrolled/suppressed").asBoolean()).as("one person would be identified").isTrue();
        assertThat(adigeni.at("/reached/suppressed").asBoolean()).as("three messages, to one family").isTrue();
        JsonNode aspindza = figures("GE-SJ-ASPINDZA").get("families");
        assertThat(aspindza.at("/enrolled/suppressed").asBoolean() || families.at("/enrolled/suppressed").asBoolean())
            .as("the region less Aspindza would give Adigeni's one away").isTrue();
        assertThat(aspindza.at("/reached/suppressed").asBoolean()).as("15 less Aspindza's would give Adigeni's away")
            .isTrue();
    }

    private JsonNode figures(String area) {
        return api.get("/figures/outreach?area={a}", PLANNER, area).body();
    }

    private static MessageStatusChanged status(String message, String campaign, String municipality, String status) {
        return new MessageStatusChanged(message, campaign, municipality, "SMS", status, AT);
    }

    private static SessionRosterChanged roster(String campaign, String session, int enrolled, int waiting,
            int attended) {
        return new SessionRosterChanged(campaign, session, "GE-SJ-ADIGENI", 20, enrolled, waiting, attended, AT);
    }

    private static void publish(MessageStatusChanged change, String message, long sequence) {
        publish(change, EventType.MESSAGE_STATUS_CHANGED_V1, message, sequence);
    }

    private static void publish(SessionRosterChanged roster, String session, long sequence) {
        publish(roster, EventType.SESSION_ROSTER_CHANGED_V1, session, sequence);
    }

    private static void publish(EventPayload payload, EventType type, String aggregateId, long sequence) {
        KafkaProbe.publish(Topic.OUTREACH_CAMPAIGNS.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/outreach-service", type.typeName(), Instant.now(), aggregateId, REGION, sequence,
                EventCodec.encode(payload)));
    }
}

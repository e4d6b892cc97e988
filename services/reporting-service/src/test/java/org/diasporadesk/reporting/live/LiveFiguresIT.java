package org.diasporadesk.reporting.live;

import java.time.Duration;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.testsupport.EventStream;
import org.diasporadesk.testsupport.EventStream.Event;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

/** Kvemo Kartli's planner follows the region's figures live; households are registered while the stream is open. */
@ServiceIntegrationTest
class LiveFiguresIT {

    private static final String REGISTRY = Topic.REGISTRY_STATISTICS.topicName();
    private static final String KVEMO_KARTLI_PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, "GE-KK");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void aRegisteredHouseholdIsPushedToTheRegionsStreamWithItsSmallCellsWithheld() throws Exception {
        try (EventStream stream = EventStream.open(port, "/figures/live?area=GE-KK", KVEMO_KARTLI_PLANNER)) {
            assertThat(stream.status()).isEqualTo(200);
            JsonNode before = nextOf(stream, "migrants");
            long migrantsBefore = before.at("/migrants/value").asLong();

            KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-KK-RUSTAVI", 6));
            KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-KK-DMANISI", 3));

            JsonNode pushed = nextOf(stream, "migrants");
            while (pushed.at("/migrants/value").asLong() != migrantsBefore + 9) {
                pushed = nextOf(stream, "migrants");
            }
            assertThat(below(pushed, "GE-KK-DMANISI").at("/migrants/suppressed").asBoolean()).isTrue();
            assertThat(below(pushed, "GE-KK-DMANISI").at("/migrants/value").isNull()).isTrue();
        }
    }

    @Test
    void aChangeElsewhereIsNotPushedAndTheNextChangeHereIs() throws Exception {
        try (EventStream stream = EventStream.open(port, "/figures/live?area=GE-KK-MARNEULI", KVEMO_KARTLI_PLANNER)) {
            JsonNode before = nextOf(stream, "migrants").at("/migrants");
            drainInitialFigures(stream);

            KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-AJ-BATUMI", 7));
            KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-KK-MARNEULI", 25));

            Event next = stream.next(WAIT);
            assertThat(next).as("a push for Marneuli's household").isNotNull();
            assertThat(next.name()).isEqualTo("migrants");
            assertThat(next.data().at("/migrants"))
                .as("Batumi's household changed nothing Marneuli shows, so nothing was pushed for it: this push "
                        + "shows Marneuli's own (its count, or withheld if the region's pattern needs it)")
                .isNotEqualTo(before);
        }
    }

    @Test
    void aPlannerCannotFollowAnotherRegion() throws Exception {
        try (EventStream stream = EventStream.open(port, "/figures/live?area=GE-AJ", KVEMO_KARTLI_PLANNER)) {
            assertThat(stream.status()).isEqualTo(403);
        }
    }

    /** Skips the other kinds of figures a new stream starts with, up to the next event of this kind. */
    private static JsonNode nextOf(EventStream stream, String name) throws InterruptedException {
        for (Event event = stream.next(WAIT); event != null; event = stream.next(WAIT)) {
            if (event.name().equals(name)) {
                return event.data();
            }
        }
        throw new AssertionError("no '" + name + "' figures within " + WAIT);
    }

    /** The hotline and outreach figures every new stream starts with. */
    private static void drainInitialFigures(EventStream stream) throws InterruptedException {
        nextOf(stream, "hotline");
        nextOf(stream, "outreach");
    }

    private static JsonNode below(JsonNode figures, String area) {
        return figures.get("below").valueStream().filter(unit -> unit.get("area").asString().equals(area)).findFirst()
            .orElseThrow();
    }
}

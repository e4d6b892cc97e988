package org.diasporadesk.outreach.training;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.outreach.Destinations;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.RegistryFeed;
import org.diasporadesk.outreach.RegistryFeed.Person;
import org.diasporadesk.outreach.TestProviders;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class TrainingIT {

    private static final String SAMEGRELO = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-SZ");

    @LocalServerPort
    int port;

    @BeforeAll
    static void providers() {
        TestProviders.sms();
    }

    @Test
    void placesGoInOrderThenToTheWaitingListAndAWithdrawalMovesTheFirstWaitingUp() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), SAMEGRELO);
        String marker = "farmer-" + UUID.randomUUID();
        List<Person> people = List.of(person(marker), person(marker), person(marker), person(marker));
        people.forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-SZ", Map.of("occupation", marker)) == 4);
        Instant startsAt = Instant.now().plus(Duration.ofSeconds(12));
        String campaign = api.launch(api.draft("TRAINING", "GE-SZ", api.segment("GE-SZ", Map.of("occupation", marker)),
                List.of("SMS"), List.of("YES", "NO"),
                List.of(Map.of("startsAt", startsAt.toString(), "place", "Zugdidi, town hall", "capacity", 2))));
        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        String enrolments = "/campaigns/" + campaign + "/sessions/" + session + "/enrolments";

        assertThat(enrol(api, enrolments, people.get(0))).isEqualTo("ENROLLED");
        assertThat(enrol(api, enrolments, people.get(1))).isEqualTo("ENROLLED");
        assertThat(enrol(api, enrolments, people.get(2))).isEqualTo("WAITING");
        assertThat(enrol(api, enrolments, people.get(0))).as("enrolling twice changes nothing").isEqualTo("ENROLLED");
        assertThat(api.client().post(enrolments, SAMEGRELO, Map.of("migrantId", "nobody")).status()).isEqualTo(404);

        assertThat(api.client().delete(enrolments + "/" + people.get(1).migrantId(), SAMEGRELO).status()).isEqualTo(204);
        JsonNode roster = api.client().get("/campaigns/" + campaign + "/sessions/" + session, SAMEGRELO).body();
        assertThat(roster.get("enrolled").findValuesAsString("migrantId"))
            .containsExactly(people.get(0).migrantId(), people.get(2).migrantId());
        assertThat(roster.get("waiting")).isEmpty();

        // Attendance is taken once the session has begun, only for those who held a place.
        String attendance = "/campaigns/" + campaign + "/sessions/" + session + "/attendance/";
        ApiClient.Response tooEarly = api.client().put(attendance + people.get(0).migrantId(), SAMEGRELO,
                Map.of("attended", true));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("errors").get(0).get("field").asString()).isEqualTo("attended");
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(startsAt));
        assertThat(api.client().put(attendance + people.get(0).migrantId(), SAMEGRELO, Map.of("attended", true))
            .status()).isEqualTo(204);
        assertThat(api.client().put(attendance + people.get(3).migrantId(), SAMEGRELO, Map.of("attended", true))
            .status()).as("never enrolled").isEqualTo(409);
        assertThat(enrol(api, enrolments, people.get(3))).as("closed once begun").isEqualTo("409");

        // Reporting gets the counts, never who.
        var counts = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(), record -> session.equals(record.key())
                && EventType.SESSION_ROSTER_CHANGED_V1.typeName().equals(KafkaProbe.header(record, "ce_type"))
                && EventCodec.decode(record.value(), SessionRosterChanged.class).attended() == 1,
                Duration.ofSeconds(15));
        SessionRosterChanged figures = EventCodec.decode(counts.value(), SessionRosterChanged.class);
        assertThat(figures.capacity()).isEqualTo(2);
        assertThat(figures.enrolled()).isEqualTo(2);
        assertThat(figures.waiting()).isZero();
        assertThat(new String(counts.value(), StandardCharsets.UTF_8)).doesNotContain(people.get(0).migrantId());
    }

    @Test
    void anErasedMigrantLeavesTheRosterAndTheFirstWaitingTakesThePlace() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), SAMEGRELO);
        String marker = "driver-" + UUID.randomUUID();
        Person first = person(marker);
        Person second = person(marker);
        RegistryFeed.register(first);
        RegistryFeed.register(second);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-SZ", Map.of("occupation", marker)) == 2);
        String campaign = api.launch(api.draft("EVENT", "GE-SZ", api.segment("GE-SZ", Map.of("occupation", marker)),
                List.of("SMS"), List.of("YES", "NO"),
                List.of(Map.of("startsAt", Instant.now().plus(Duration.ofDays(20)).toString(), "place", "Poti",
                        "capacity", 1))));
        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        String enrolments = "/campaigns/" + campaign + "/sessions/" + session + "/enrolments";
        assertThat(enrol(api, enrolments, first)).isEqualTo("ENROLLED");
        assertThat(enrol(api, enrolments, second)).isEqualTo("WAITING");

        RegistryFeed.erase(first, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.client()
            .get("/campaigns/" + campaign + "/sessions/" + session, SAMEGRELO).body().get("enrolled")
            .findValuesAsString("migrantId").equals(List.of(second.migrantId())));
    }

    @Test
    void aReminderGoesToThoseHoldingAPlaceAndToWhoeverMovesUpAfterItsTime() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), SAMEGRELO);
        String marker = "tiler-" + UUID.randomUUID();
        Person first = person(marker);
        Person second = person(marker);
        Person third = person(marker);
        List.of(first, second, third).forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-SZ", Map.of("occupation", marker)) == 3);
        Map<String, Object> draft = api.draft("TRAINING", "GE-SZ", api.segment("GE-SZ", Map.of("occupation", marker)),
                List.of("SMS"), List.of("YES", "NO"), List.of(Map.of("startsAt",
                        Instant.now().plus(Duration.ofMinutes(30)).toString(), "place", "Senaki, school", "capacity",
                        1)));
        // Due from 2 hours before, so at once: the session is half an hour away.
        draft.put("reminders", List.of(Map.of("hoursBefore", 2, "templates",
                Map.of("en", Map.of("body", "Reminder, {name}: {campaign} at {session.place}")))));
        String campaign = api.launch(draft);
        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        String enrolments = "/campaigns/" + campaign + "/sessions/" + session + "/enrolments";
        assertThat(enrol(api, enrolments, first)).isEqualTo("ENROLLED");
        assertThat(enrol(api, enrolments, second)).isEqualTo("WAITING");

        await().atMost(Duration.ofSeconds(15)).until(() -> reminders(first).size() == 1);
        assertThat(reminders(first).get(0).text()).isEqualTo("Reminder, " + first.name()
                + ": Beekeeping training at Senaki, school");

        // The place passes to the first waiting, who gets the reminder in a later round; nobody gets it twice.
        assertThat(api.client().delete(enrolments + "/" + first.migrantId(), SAMEGRELO).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> reminders(second).size() == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> TestProviders.sms().to(third.phone()).size() == 1);
        assertThat(reminders(third)).as("never enrolled").isEmpty();
        assertThat(reminders(first)).hasSize(1);
        assertThat(api.client().get("/campaigns/" + campaign + "/messages", SAMEGRELO).body().findValues("reminder")
            .stream().filter(reminder -> !reminder.isNull()).map(reminder -> reminder.get("sessionId").asString()))
            .containsExactly(session, session);

        ApiClient.Response twice = api.client().post("/campaigns", SAMEGRELO, withReminders(draft, 2, 2));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("errors").get(0).get("field").asString()).isEqualTo("reminders[1].hoursBefore");
    }

    private static Map<String, Object> withReminders(Map<String, Object> draft, int... hoursBefore) {
        Map<String, Object> changed = new HashMap<>(draft);
        changed.put("reminders", Arrays.stream(hoursBefore)
            .mapToObj(hours -> Map.of("hoursBefore", hours, "templates", Map.of("en", Map.of("body", "Soon"))))
            .toList());
        return changed;
    }

    private static List<TestProviders.Sms> reminders(Person person) {
        return TestProviders.sms().to(person.phone()).stream().filter(sms -> sms.text().startsWith("Reminder"))
            .toList();
    }

    private static Person person(String marker) {
        return Person.in("GE-SZ-ZUGDIDI").livingIn(Destinations.awake(), null).working(marker);
    }

    private static String enrol(OutreachApi api, String enrolments, Person person) {
        ApiClient.Response response = api.client().post(enrolments, SAMEGRELO, Map.of("migrantId", person.migrantId()));
        return response.status() == 201 ? response.body().get("standing").asString() : String.valueOf(response.status());
    }
}

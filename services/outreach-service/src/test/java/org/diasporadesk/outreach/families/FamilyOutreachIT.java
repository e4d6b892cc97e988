package org.diasporadesk.outreach.families;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.outreach.Destinations;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.RegistryFeed;
import org.diasporadesk.outreach.RegistryFeed.FamilyMember;
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

/**
 * Families at home are reached as people of their own: segments select them by their migrants' destination and
 * their relation, messages wait for the quiet hours of home, they take places in trainings and come, and a STOP
 * from one of them withdraws their consent only.
 */
@ServiceIntegrationTest
class FamilyOutreachIT {

    /** Guria: no other test's recipients live there. */
    private static final String GURIA = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-GU");
    private static final ZoneId HOME = ZoneId.of("Asia/Tbilisi");

    @LocalServerPort
    int port;

    @BeforeAll
    static void providers() {
        TestProviders.sms();
    }

    @Test
    void familiesOfMigrantsInACountryAreSegmentedInvitedEnrolledAndCountedByHome() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), GURIA);
        String marker = "tiler-" + UUID.randomUUID();
        // The migrant lives where it is the other half of the day than at home, so that whose clock a message
        // waits for shows.
        boolean quietAtHome = quiet(Instant.now().atZone(HOME));
        String abroad = quietAtHome ? Destinations.awake() : Destinations.asleep();
        Person inItaly = Person.in("GE-GU-OZURGETI").livingIn(abroad, null).working(marker);
        FamilyMember mother = FamilyMember.of("Lamara Sikharulidze", "mother", Sex.FEMALE, "ka");
        FamilyMember brother = FamilyMember.of("Giga Sikharulidze", "brother", Sex.MALE, "ru");
        FamilyMember aunt = FamilyMember.of("Tsiuri Sikharulidze", "aunt", Sex.FEMALE, "ka").consenting(false);
        RegistryFeed.register(inItaly, List.of(mother, brother, aunt));
        Person elsewhere = Person.in("GE-GU-OZURGETI").livingIn(abroad.equals("JP") ? "KR" : "JP", null)
            .working(marker);
        RegistryFeed.register(elsewhere, List.of(FamilyMember.of("Nazi Abashidze", "mother", Sex.FEMALE, "ka")));
        Map<String, Object> families = Map.of("audience", "FAMILIES", "destinationCountries", List.of(abroad));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-GU", families) == 2);
        assertThat(api.preview("GE-GU", Map.of("occupation", marker))).as("migrants, as segments always meant")
            .isEqualTo(2);
        assertThat(api.preview("GE-GU", Map.of("audience", "FAMILIES", "destinationCountries", List.of(abroad),
                "relations", List.of("PARENT")))).isEqualTo(1);
        assertThat(api.preview("GE-GU", Map.of("audience", "EVERYONE", "destinationCountries", List.of(abroad))))
            .as("the migrant and the two consenting at home").isEqualTo(3);

        Instant startsAt = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, Object> draft = api.draft("TRAINING", "GE-GU", api.segment("GE-GU", families), List.of("SMS"),
                List.of("YES", "NO"), List.of(Map.of("startsAt", startsAt.toString(), "place",
                        "Ozurgeti, remittances and small business", "capacity", 10)));
        // Due from 2 hours before, so at once for whoever holds a place.
        draft.put("reminders", List.of(Map.of("hoursBefore", 2, "templates",
                Map.of("en", Map.of("body", "Reminder, {name}: {campaign} at {session.place}")))));
        String campaign = api.launch(draft);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.listed(campaign, "QUEUED")
                + api.listed(campaign, "SENT") + api.listed(campaign, "DELIVERED") == 2);
        if (quietAtHome) {
            ZonedDateTime waitsUntil = Instant.parse(api.queuedMessage(campaign, mother.familyMemberId())).atZone(HOME);
            assertThat(waitsUntil.toLocalTime()).as("the family's own morning, not the migrant's")
                .isEqualTo(LocalTime.of(9, 0));
        }
        else {
            await().atMost(Duration.ofSeconds(15)).until(() -> api.listed(campaign, "QUEUED") == 0);
        }

        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        String enrolments = "/campaigns/" + campaign + "/sessions/" + session + "/enrolments";
        ApiClient.Response enrolled = api.client().post(enrolments, GURIA, Map.of("migrantId",
                mother.familyMemberId()));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        assertThat(api.client().post(enrolments, GURIA, Map.of("migrantId", aunt.familyMemberId())).status())
            .as("no consent, no recipient").isEqualTo(404);
        JsonNode roster = api.client().get("/campaigns/" + campaign + "/sessions/" + session, GURIA).body();
        assertThat(roster.at("/enrolled/0/name").asString()).isEqualTo("Lamara Sikharulidze");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.client().get("/campaigns/" + campaign + "/messages",
                GURIA).body().valueStream().anyMatch(message -> message.get("migrantId").asString()
                    .equals(mother.familyMemberId()) && message.hasNonNull("reminder")));

        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(startsAt));
        assertThat(api.client().put("/campaigns/" + campaign + "/sessions/" + session + "/attendance/"
                + mother.familyMemberId(), GURIA, Map.of("attended", true)).status()).isEqualTo(204);
        var counts = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(), record -> session.equals(record.key())
                && EventType.SESSION_ROSTER_CHANGED_V1.typeName().equals(KafkaProbe.header(record, "ce_type"))
                && EventCodec.decode(record.value(), SessionRosterChanged.class).attended() == 1,
                Duration.ofSeconds(15));
        assertThat(EventCodec.decode(counts.value(), SessionRosterChanged.class).byHome())
            .as("counts by home and kind, never who")
            .containsExactly(new SessionRosterChanged.HomeCount("GE-GU-OZURGETI", PersonKind.FAMILY_MEMBER, 1, 0, 1));
    }

    @Test
    void aFamilyMembersStopWithdrawsTheirOwnConsentAndAnErasureTheirPlace() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), GURIA);
        String marker = "weaver-" + UUID.randomUUID();
        Person migrant = Person.in("GE-GU-LANCHKHUTI").livingIn(Destinations.awake(), null).working(marker);
        FamilyMember mother = FamilyMember.of("Marina Tavdgiridze", "mother", Sex.FEMALE, "ka");
        FamilyMember sister = FamilyMember.of("Ia Tavdgiridze", "sister", Sex.FEMALE, "ka");
        RegistryFeed.register(migrant, List.of(mother, sister));
        Map<String, Object> everyone = Map.of("audience", "EVERYONE", "occupation", marker);
        Map<String, Object> lanchkhuti = Map.of("audience", "FAMILIES", "destinationCountries",
                List.of(migrant.country()), "relations", List.of("PARENT", "SIBLING"));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-GU-LANCHKHUTI", lanchkhuti) == 2);
        String campaign = api.launch(api.draft("EVENT", "GE-GU", api.segment("GE-GU-LANCHKHUTI", lanchkhuti),
                List.of("SMS"), List.of("YES", "NO"), List.of(Map.of("startsAt", "2099-05-01T10:00:00Z", "place",
                        "Lanchkhuti, family day", "capacity", 30))));
        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        String enrolments = "/campaigns/" + campaign + "/sessions/" + session + "/enrolments";
        api.client().post(enrolments, GURIA, Map.of("migrantId", sister.familyMemberId()));

        assertThat(api.client().postWithHeader("/providers/sms/replies", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("from", mother.phone(), "text", "STOP")).status()).isEqualTo(202);

        var told = KafkaProbe.awaitRecord(Topic.OUTREACH_PEOPLE.topicName(),
                record -> migrant.householdId().equals(record.key()), Duration.ofSeconds(15));
        RecipientOptedOut optOut = EventCodec.decode(told.value(), RecipientOptedOut.class);
        assertThat(optOut.migrantId()).isEqualTo(mother.familyMemberId());
        assertThat(optOut.personKind()).isEqualTo(PersonKind.FAMILY_MEMBER);
        assertThat(api.preview("GE-GU-LANCHKHUTI", lanchkhuti)).as("her sister-in-law stays").isEqualTo(1);
        assertThat(api.preview("GE-GU-LANCHKHUTI", Map.of("occupation", marker))).as("the migrant stays").isEqualTo(1);

        // The registry erased the sister: her place goes, and she is no recipient any more.
        RegistryFeed.eraseFamilyMember(migrant, sister, 2);
        RegistryFeed.update(migrant, List.of(mother.consenting(false)), 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.client().get("/campaigns/" + campaign + "/sessions/"
                + session, GURIA).body().get("enrolled").isEmpty());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-GU-LANCHKHUTI", everyone) == 1);
        assertThat(api.client().post("/recipients/" + sister.familyMemberId() + "/opt-out", GURIA, Map.of())
            .status()).as("outreach holds nothing of her").isEqualTo(404);
    }

    /** The service's quiet hours, 21:00 to 09:00. */
    private static boolean quiet(ZonedDateTime at) {
        return at.getHour() >= 21 || at.getHour() < 9;
    }
}

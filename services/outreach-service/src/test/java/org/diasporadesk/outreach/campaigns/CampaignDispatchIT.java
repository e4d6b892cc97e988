package org.diasporadesk.outreach.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.MessageStatusChanged;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class CampaignDispatchIT {

    private static final String ADJARA = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-AJ");

    @LocalServerPort
    int port;

    @BeforeAll
    static void providers() {
        TestProviders.mail();
        TestProviders.sms();
    }

    @Test
    void sendsOnlyToConsentingRecipientsInTheirLanguageAndNeverAtNightWhereTheyLive() throws Exception {
        OutreachApi api = new OutreachApi(ApiClient.local(port), ADJARA);
        String marker = "beekeeper-" + UUID.randomUUID();
        Person georgian = Person.in("GE-AJ-BATUMI").speaking("ka").livingIn(Destinations.awake(), null)
            .working(marker);
        Person german = Person.in("GE-AJ-KEDA").speaking("de").livingIn(Destinations.awake(), null)
            .working(marker).emailOnly("anna." + UUID.randomUUID() + "@example.org");
        Person notConsenting = Person.in("GE-AJ-BATUMI").livingIn(Destinations.awake(), null).working(marker)
            .consenting(false);
        Person sleeping = Person.in("GE-AJ-KOBULETI").livingIn(Destinations.asleep(), null).working(marker);
        Person optingOut = Person.in("GE-AJ-KOBULETI").livingIn(Destinations.asleep(), null).working(marker);
        List.of(georgian, german, notConsenting, sleeping, optingOut).forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-AJ", Map.of("occupation", marker)) == 4);

        String campaign = api.launchInformation("GE-AJ", Map.of("occupation", marker), List.of("SMS", "EMAIL"));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.messages(campaign).get("SENT") == 2);
        TestProviders.Sms sms = TestProviders.sms().to(georgian.phone()).get(0);
        assertThat(sms.text()).isEqualTo("გამარჯობა " + georgian.name() + ", ფუტკრის ტრენინგი");
        MimeMessage mail = TestProviders.mailTo(german.email()).orElseThrow();
        assertThat(mail.getSubject()).as("German has no template: the fallback, English").isEqualTo("Beekeeping");
        assertThat(mail.getContent().toString()).startsWith("Hello " + german.name() + ", beekeeping training")
            .contains("To receive no more messages from us: http://localhost:8083/unsubscribe/");
        assertThat(mail.getMessageID()).as("derived from the idempotency key").endsWith("@outreach.diasporadesk.org>");
        Map<String, Long> messages = api.messages(campaign);
        assertThat(messages.get("QUEUED")).as("asleep where they live: waiting for the morning").isEqualTo(2);
        Instant morning = Instant.parse(api.queuedMessage(campaign, sleeping.migrantId()));
        ZonedDateTime local = morning.atZone(Destinations.zone(sleeping.country()));
        assertThat(local.getHour()).isEqualTo(9);
        assertThat(morning).isAfter(Instant.now());

        // Opting out in the middle of the campaign withdraws the waiting message at once, not in the morning.
        assertThat(api.client().post("/recipients/" + optingOut.migrantId() + "/opt-out", ADJARA,
                Map.of("how", "asked on the phone")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.messages(campaign).get("WITHDRAWN") == 1);

        // Reporting reads the campaign topic: statuses with campaign, municipality and channel, never a person.
        var event = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(), record -> {
            String body = new String(record.value(), StandardCharsets.UTF_8);
            return body.contains(campaign) && body.contains("\"SENT\"") && body.contains("GE-AJ-BATUMI");
        }, Duration.ofSeconds(15));
        String body = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(georgian.phone()).doesNotContain(georgian.migrantId())
            .doesNotContain(georgian.name());
        assertThat(EventCodec.decode(event.value(), MessageStatusChanged.class).channel()).isEqualTo("SMS");

        // Cancelled: the message still waiting for the morning is withdrawn, and reporting hears the campaign ended.
        assertThat(api.client().post("/campaigns/" + campaign + "/cancel", ADJARA, Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.messages(campaign).get("WITHDRAWN") == 2);
        var ended = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(),
                record -> campaign.equals(record.key())
                        && EventType.CAMPAIGN_ENDED_V1.typeName().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofSeconds(15));
        assertThat(EventCodec.decode(ended.value(), CampaignEnded.class).outcome()).isEqualTo("CANCELLED");
        assertThat(TestProviders.sms().to(sleeping.phone())).isEmpty();
    }

    @Test
    void aCampaignWhoseMessagesAllWentOutCompletesAndProviderReceiptsMarkThemDelivered() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), ADJARA);
        String marker = "tiler-" + UUID.randomUUID();
        Person one = Person.in("GE-AJ-KHULO").livingIn(Destinations.awake(), null).working(marker);
        RegistryFeed.register(one);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-AJ", Map.of("occupation", marker)) == 1);

        String campaign = api.launchInformation("GE-AJ", Map.of("occupation", marker), List.of("SMS"));

        await().atMost(Duration.ofSeconds(15)).until(() -> "COMPLETED".equals(api.status(campaign)));
        String key = TestProviders.sms().to(one.phone()).get(0).key();
        ApiClient.Response wrongToken = api.client().postWithHeader("/providers/sms/receipts", null,
                "X-Callback-Token", "guess", Map.of("messageId", key, "status", "DELIVERED"));
        assertThat(wrongToken.status()).isEqualTo(401);
        ApiClient.Response receipt = api.client().postWithHeader("/providers/sms/receipts", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("messageId", key, "status", "DELIVERED"));
        assertThat(receipt.status()).isEqualTo(204);
        assertThat(api.listed(campaign, "DELIVERED")).isEqualTo(1);
        // A receipt sent twice changes nothing; one for a message that does not exist says so.
        api.client().postWithHeader("/providers/sms/receipts", null, "X-Callback-Token", TestProviders.CALLBACK_TOKEN,
                Map.of("messageId", key, "status", "FAILED"));
        assertThat(api.listed(campaign, "DELIVERED")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.messages(campaign).get("DELIVERED") == 1);
        assertThat(api.client().postWithHeader("/providers/sms/receipts", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("messageId", "nope", "status", "DELIVERED")).status())
            .isEqualTo(404);
        var ended = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(),
                record -> campaign.equals(record.key())
                        && EventType.CAMPAIGN_ENDED_V1.typeName().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofSeconds(15));
        assertThat(EventCodec.decode(ended.value(), CampaignEnded.class).outcome()).isEqualTo("COMPLETED");
    }

    @Test
    void aDraftThatCouldSendSomethingMalformedIsRefusedNamingTheField() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), ADJARA);
        String segment = api.segment("GE-AJ", Map.of());
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("kind", "INFORMATION", "title", "News",
                "ownerArea", "GE-AJ", "segmentId", segment, "channels", List.of("SMS"),
                "templates", Map.of("ka", Map.of("body", "გამარჯობა {name}")), "fallbackLanguage", "en"));

        ApiClient.Response noFallback = api.client().post("/campaigns", ADJARA, draft);
        draft.put("fallbackLanguage", "ka");
        draft.put("templates", Map.of("ka", Map.of("body", "გამარჯობა {firstname}")));
        ApiClient.Response unknownPlaceholder = api.client().post("/campaigns", ADJARA, draft);
        draft.put("templates", Map.of("ka", Map.of("body", "გამარჯობა")));
        draft.put("kind", "TRAINING");
        ApiClient.Response trainingWithoutSession = api.client().post("/campaigns", ADJARA, draft);
        draft.put("kind", "CONCERT");
        ApiClient.Response unknownKind = api.client().post("/campaigns", ADJARA, draft);

        assertThat(field(noFallback)).isEqualTo("fallbackLanguage");
        assertThat(field(unknownPlaceholder)).isEqualTo("templates.ka");
        assertThat(field(trainingWithoutSession)).isEqualTo("sessions");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body().toString()).contains("kind");
        draft.put("kind", "INFORMATION");
        assertThat(api.client().post("/campaigns", TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-KK"), draft)
            .status()).as("another region's coordinator").isIn(403, 404);
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        return response.body().get("errors").get(0).get("field").asString();
    }
}

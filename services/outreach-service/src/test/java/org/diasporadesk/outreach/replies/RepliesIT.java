package org.diasporadesk.outreach.replies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.outreach.ReplyRecorded;
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
class RepliesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String RACHA = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-RL");

    @LocalServerPort
    int port;

    @BeforeAll
    static void providers() {
        TestProviders.sms();
        TestProviders.mail();
    }

    @Test
    void aStopWordInTheRecipientsLanguageOptsOutEverywhereAndAYesTakesAPlace() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), RACHA);
        String marker = "cook-" + UUID.randomUUID();
        Person stopping = Person.in("GE-RL-ONI").speaking("ru").livingIn(Destinations.awake(), null).working(marker);
        Person coming = Person.in("GE-RL-ONI").livingIn(Destinations.awake(), null).working(marker);
        Person chatting = Person.in("GE-RL-ONI").livingIn(Destinations.awake(), null).working(marker);
        List.of(stopping, coming, chatting).forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-RL", Map.of("occupation", marker)) == 3);
        String campaign = api.launch(api.draft("EVENT", "GE-RL", api.segment("GE-RL", Map.of("occupation", marker)),
                List.of("SMS"), List.of("yes", "no"), List.of(Map.of("startsAt", "2099-12-18T10:00:00Z", "place",
                        "Ambrolauri, Migrants Day", "capacity", 50))));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.messages(campaign).get("SENT") == 3);

        assertThat(reply(api, stopping.phone(), " Стоп! ").status()).isEqualTo(202);
        assertThat(reply(api, coming.phone(), "yes").status()).isEqualTo(202);
        assertThat(reply(api, chatting.phone(), "Can my brother come too?").status()).isEqualTo(202);
        assertThat(reply(api, "+306900000001", "STOP").status()).as("a stranger learns nothing").isEqualTo(202);

        assertThat(api.preview("GE-RL", Map.of("occupation", marker))).as("the one who said stop").isEqualTo(2);
        var told = KafkaProbe.awaitRecord(Topic.OUTREACH_PEOPLE.topicName(),
                record -> stopping.householdId().equals(record.key()), Duration.ofSeconds(15));
        assertThat(EventCodec.decode(told.value(), RecipientOptedOut.class).how()).isEqualTo("replied Стоп! by SMS");
        assertThat(api.campaign(campaign).get("replies").toString())
            .contains("\"YES\":1").contains("\"other\":1").contains("\"opt-out\":1");
        String session = api.campaign(campaign).at("/campaign/sessions/0/id").asString();
        assertThat(api.client().get("/campaigns/" + campaign + "/sessions/" + session, RACHA).body().get("enrolled")
            .findValuesAsString("migrantId")).containsExactly(coming.migrantId());
        var answer = KafkaProbe.awaitRecord(Topic.OUTREACH_CAMPAIGNS.topicName(),
                record -> EventType.REPLY_RECORDED_V1.typeName().equals(KafkaProbe.header(record, "ce_type"))
                        && EventCodec.decode(record.value(), ReplyRecorded.class).campaignId().equals(campaign)
                        && EventCodec.decode(record.value(), ReplyRecorded.class).answer() == null
                        && "ANSWER".equals(EventCodec.decode(record.value(), ReplyRecorded.class).kind()),
                Duration.ofSeconds(15));
        assertThat(new String(answer.value(), java.nio.charset.StandardCharsets.UTF_8))
            .as("free text stays in outreach").doesNotContain("brother");
    }

    @Test
    void aSurveyAsksEachNextQuestionOfWhoeverAnsweredTheOneBefore() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), RACHA);
        String marker = "potter-" + UUID.randomUUID();
        Person answering = Person.in("GE-RL-ONI").livingIn(Destinations.awake(), null).working(marker);
        Person silent = Person.in("GE-RL-ONI").livingIn(Destinations.awake(), null).working(marker);
        List.of(answering, silent).forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-RL", Map.of("occupation", marker)) == 2);
        Map<String, Object> survey = api.draft("SURVEY", "GE-RL", api.segment("GE-RL", Map.of("occupation", marker)),
                List.of("SMS"), List.of("yes", "no"), List.of());
        survey.put("followUps", List.of(
                Map.of("templates", Map.of("en", Map.of("body", "Q2 {name}: years abroad? 1) under 1 2) 1-3 3) more")),
                        "answerOptions", List.of("1", "2", "3")),
                Map.of("templates", Map.of("en", Map.of("body", "Q3: anything else to tell us?")))));
        String campaign = api.launch(survey);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.messages(campaign).get("SENT") == 2);

        assertThat(reply(api, answering.phone(), "no").status()).isEqualTo(202);
        // Answered once recorded as sent: the gateway holds the text a moment before outreach records it, and an
        // answer is counted for the question last sent.
        await().atMost(Duration.ofSeconds(15)).until(() -> api.listed(campaign, "SENT") == 3);
        assertThat(texts(answering).get(1)).isEqualTo("Q2 " + answering.name()
                + ": years abroad? 1) under 1 2) 1-3 3) more");
        assertThat(reply(api, answering.phone(), " 2 ").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.listed(campaign, "SENT") == 4);
        assertThat(texts(answering).get(2)).isEqualTo("Q3: anything else to tell us?");
        assertThat(reply(api, answering.phone(), "The consulate helped with my papers").status()).isEqualTo(202);

        assertThat(api.campaign(campaign).get("replies").toString())
            .contains("\"NO\":1").contains("\"2:2\":1").contains("\"3:other\":1");
        assertThat(texts(silent)).as("no answer, no next question").hasSize(1);
        assertThat(api.client().get("/campaigns/" + campaign + "/messages", RACHA).body().size())
            .as("two first questions, one second, one third: the last answer asks nothing more").isEqualTo(4);

        survey.put("kind", "INFORMATION");
        ApiClient.Response notASurvey = api.client().post("/campaigns", RACHA, survey);
        assertThat(notASurvey.status()).isEqualTo(400);
        assertThat(notASurvey.body().get("errors").get(0).get("field").asString()).isEqualTo("followUps");
    }

    private static List<String> texts(Person person) {
        return TestProviders.sms().to(person.phone()).stream().map(TestProviders.Sms::text).toList();
    }

    @Test
    void theUnsubscribeLinkOfAnEMailAsksFirstThenOptsTheRecipientOutEverywhere() throws Exception {
        OutreachApi api = new OutreachApi(ApiClient.local(port), RACHA);
        String marker = "weaver-" + UUID.randomUUID();
        Person reader = Person.in("GE-RL-ONI").speaking("ka").livingIn(Destinations.awake(), null).working(marker)
            .emailOnly("eka." + UUID.randomUUID() + "@example.org");
        RegistryFeed.register(reader);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-RL", Map.of("occupation", marker)) == 1);
        String campaign = api.launchInformation("GE-RL", Map.of("occupation", marker), List.of("EMAIL"));
        await().atMost(Duration.ofSeconds(15)).until(() -> TestProviders.mailTo(reader.email()).isPresent());

        MimeMessage mail = TestProviders.mailTo(reader.email()).orElseThrow();
        String link = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(link).matches("http://localhost:8083/unsubscribe/[0-9a-f-]{36}");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getContent().toString()).as("the footer in the message's language")
            .contains("თუ აღარ გსურთ ჩვენგან შეტყობინებების მიღება: " + link);
        String page = "http://localhost:" + port + link.substring(link.indexOf("/unsubscribe/"));

        HttpResponse<String> asked = HTTP.send(HttpRequest.newBuilder(URI.create(page))
            .header("Accept-Language", "ka").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("<form method=\"post\">").contains("აღარ გამომიგზავნოთ");
        assertThat(api.preview("GE-RL", Map.of("occupation", marker))).as("opening the link changes nothing")
            .isEqualTo(1);

        // As a mail program's own unsubscribe button posts it (RFC 8058).
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(page))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("you will receive no more messages");
        assertThat(api.preview("GE-RL", Map.of("occupation", marker))).isZero();
        var told = KafkaProbe.awaitRecord(Topic.OUTREACH_PEOPLE.topicName(),
                record -> reader.householdId().equals(record.key()), Duration.ofSeconds(15));
        assertThat(EventCodec.decode(told.value(), RecipientOptedOut.class).how())
            .isEqualTo("followed the unsubscribe link of an e-mail");
        assertThat(api.campaign(campaign).get("replies").toString()).contains("\"opt-out\":1");

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/unsubscribe/" + UUID.randomUUID())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aCallbackWithoutTheProvidersTokenIsRefused() {
        ApiClient client = ApiClient.local(port);

        assertThat(client.post("/providers/sms/replies", null, Map.of("from", "+306900000001", "text", "STOP"))
            .status()).isEqualTo(401);
        assertThat(client.postWithHeader("/providers/pigeon/replies", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("from", "+306900000001", "text", "STOP")).body()
            .get("errors").get(0).get("field").asString()).isEqualTo("channel");
    }

    private static ApiClient.Response reply(OutreachApi api, String from, String text) {
        return api.client().postWithHeader("/providers/sms/replies", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("from", from, "text", text));
    }
}

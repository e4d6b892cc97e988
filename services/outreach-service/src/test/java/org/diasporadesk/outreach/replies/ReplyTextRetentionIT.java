package org.diasporadesk.outreach.replies;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.diasporadesk.chassis.retention.RetentionJob;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.outreach.Destinations;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.RegistryFeed;
import org.diasporadesk.outreach.RegistryFeed.Person;
import org.diasporadesk.outreach.TestProviders;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a person wrote back is kept 90 days, then the retention schedule erases the text and keeps the answer it
 * counted as; the person's export shows what is held at each point.
 */
@ServiceIntegrationTest
class ReplyTextRetentionIT {

    private static final String RACHA = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-RL");
    private static final String OFFICER = TestTokens.municipal(Role.REGISTRY_OFFICER, "GE-RL-ONI");

    @LocalServerPort
    int port;

    @Autowired
    RetentionJob retention;

    @BeforeAll
    static void providers() {
        TestProviders.sms();
    }

    @Test
    void aReplysTextIsErasedNinetyDaysOnAndItsAnswerStays() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), RACHA);
        String marker = "beekeeper-" + UUID.randomUUID();
        Person writing = Person.in("GE-RL-ONI").livingIn(Destinations.awake(), null).working(marker);
        RegistryFeed.register(writing);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-RL", Map.of("occupation", marker)) == 1);
        String campaign = api.launchInformation("GE-RL", Map.of("occupation", marker), List.of("SMS"));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.messages(campaign).get("SENT") == 1);
        assertThat(api.client().postWithHeader("/providers/sms/replies", null, "X-Callback-Token",
                TestProviders.CALLBACK_TOKEN, Map.of("from", writing.phone(), "text", "My uncle keeps bees in Oni"))
            .status()).isEqualTo(202);

        retention.applyAt(Instant.now().plus(Duration.ofDays(89)));
        assertThat(export(api, writing).at("/replies/0/text").asString()).isEqualTo("My uncle keeps bees in Oni");

        Map<String, Long> changed = retention.applyAt(Instant.now().plus(Duration.ofDays(91)));

        assertThat(changed.get("message-bodies")).isPositive();
        JsonNode after = export(api, writing);
        assertThat(after.at("/replies/0/text").isMissingNode() || after.at("/replies/0/text").isNull()).isTrue();
        assertThat(after.at("/replies/0/kind").asString()).isEqualTo("ANSWER");
        assertThat(after.get("messages")).as("the message's status stays").hasSize(1);
    }

    private static JsonNode export(OutreachApi api, Person person) {
        ApiClient.Response export = api.client().get("/migrants/" + person.migrantId() + "/export", OFFICER);
        assertThat(export.status()).as(export.body().toString()).isEqualTo(200);
        return export.body();
    }
}

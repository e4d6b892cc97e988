package org.diasporadesk.outreach.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.outreach.Destinations;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.RegistryFeed;
import org.diasporadesk.outreach.RegistryFeed.Person;
import org.diasporadesk.outreach.TestProviders;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ChannelOutageIT {

    private static final String KVEMO_KARTLI = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-KK");

    @LocalServerPort
    int port;

    @Autowired
    ChannelGuard channels;

    @AfterEach
    void gatewayBackUp() {
        TestProviders.sms().down(false);
    }

    @Test
    void aProviderOutageLosesNoMessageAndSendsNoneTwice() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), KVEMO_KARTLI);
        String marker = "welder-" + UUID.randomUUID();
        List<Person> people = IntStream.range(0, 6)
            .mapToObj(i -> Person.in("GE-KK-RUSTAVI").livingIn(Destinations.awake(), null).working(marker))
            .toList();
        people.forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-KK", Map.of("occupation", marker)) == 6);
        TestProviders.SmsGateway gateway = TestProviders.sms();
        gateway.down(true);

        String campaign = api.launchInformation("GE-KK", Map.of("occupation", marker), List.of("SMS"));

        // The circuit opens after a window of failures; then the gateway is left alone and messages wait.
        await().atMost(Duration.ofSeconds(15)).until(() -> "OPEN".equals(channels.circuitState(Channel.SMS)));
        int refusedWhenOpened = gateway.refusedCalls();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
            .until(() -> gateway.refusedCalls() <= refusedWhenOpened + 1);
        Map<String, Long> during = api.messages(campaign);
        assertThat(during.get("QUEUED")).isEqualTo(6);
        assertThat(during.get("FAILED")).isZero();
        assertThat(api.client().get("/campaigns/" + campaign + "/messages?status=QUEUED", KVEMO_KARTLI).body()
            .toString()).contains("SMS is unavailable (circuit open)");

        gateway.down(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.messages(campaign).get("SENT") == 6);
        for (Person person : people) {
            List<TestProviders.Sms> received = gateway.to(person.phone());
            assertThat(received).as("one message for each recipient").hasSize(1);
            assertThat(gateway.presentations(received.get(0).key())).as("never handed over twice").isEqualTo(1);
        }
        assertThat(channels.circuitState(Channel.SMS)).isEqualTo("CLOSED");
        assertThat(api.status(campaign)).isIn("RUNNING", "COMPLETED");
    }
}

package org.diasporadesk.hotline.emergencies;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.EventStream;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emergencies reach a person: an emergency ticket alerts its office's supervisors on their screen and by e-mail, one
 * of them acknowledges it, and one nobody acknowledged goes to the region. Test settings: Guria's offices have e-mail
 * contacts (GreenMail), alerts are escalated after 10 s of office time, and offices never close.
 */
@ServiceIntegrationTest
class EmergencyAlertIT {

    private static final String OZURGETI = "GE-GU-OZURGETI";
    private static final String CHOKHATAURI = "GE-GU-CHOKHATAURI";
    private static final String OZURGETI_SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, OZURGETI);
    private static final String LANCHKHUTI_SUPERVISOR = TestTokens.municipal(Role.SUPERVISOR, "GE-GU-LANCHKHUTI");
    private static final String GURIA_SUPERVISOR = TestTokens.regional(Role.SUPERVISOR, "GE-GU");
    private static GreenMail mail;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup(29026, "localhost", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void anEmergencyIsOnTheOfficesSupervisorsScreenAtOnceAndGoesToTheRegionWhenNobodyAcknowledgesIt() throws Exception {
        try (EventStream ozurgeti = EventStream.open(port, "/emergencies/stream", OZURGETI_SUPERVISOR);
                EventStream lanchkhuti = EventStream.open(port, "/emergencies/stream", LANCHKHUTI_SUPERVISOR)) {
            assertThat(ozurgeti.status()).isEqualTo(200);
            assertThat(ozurgeti.next(Duration.ofSeconds(5)).name()).as("the board comes first").isEqualTo("alerts");
            assertThat(lanchkhuti.next(Duration.ofSeconds(5)).name()).isEqualTo("alerts");

            Instant opened = Instant.now();
            String ticket = open(OZURGETI, "death-abroad", "Nana Kalandadze", "+995 599 41 02 17");

            JsonNode alert = nextAlert(ozurgeti, ticket, Duration.ofSeconds(10));
            System.out.printf("emergency alert on the supervisor's screen %d ms after the ticket was opened%n",
                    Duration.between(opened, Instant.now()).toMillis());
            assertThat(alert.get("officeCode").asString()).isEqualTo(OZURGETI);
            assertThat(alert.get("topicName").asString()).isEqualTo("Death abroad");
            assertThat(alert.get("acknowledgedAt").isNull()).isTrue();
            assertThat(alert.toString()).as("no personal data on the alert").doesNotContain("Kalandadze", "599");

            MimeMessage sent = await().atMost(Duration.ofSeconds(10)).until(() -> mailAbout(ticket,
                    "supervisors.ozurgeti@hotline.test"), found -> !found.isEmpty()).get(0);
            assertThat(sent.getSubject()).isEqualTo("Emergency at the Ozurgeti hotline: Death abroad");
            assertThat(GreenMailUtil.getBody(sent)).as("the caller stays on the ticket")
                .doesNotContain("Kalandadze", "599", "41 02 17");

            MimeMessage escalation = await().atMost(Duration.ofSeconds(30)).until(() -> mailAbout(ticket,
                    "guria.duty@hotline.test"), found -> !found.isEmpty()).get(0);
            assertThat(escalation.getSubject()).startsWith("Not acknowledged, escalated: Emergency at the Ozurgeti");
            JsonNode escalated = nextAlert(ozurgeti, ticket, Duration.ofSeconds(10));
            assertThat(escalated.get("escalatedAt").isNull()).as("the screen shows the escalation").isFalse();
            assertThat(board(GURIA_SUPERVISOR)).as("the region's supervisor sees it")
                .anySatisfy(onBoard -> assertThat(onBoard.get("ticketId").asString()).isEqualTo(ticket));
            assertThat(mailAbout(ticket, "supervisors.ozurgeti@hotline.test")).as("the office was told once").hasSize(1);

            assertThat(board(LANCHKHUTI_SUPERVISOR)).as("another office's board")
                .noneSatisfy(onBoard -> assertThat(onBoard.get("ticketId").asString()).isEqualTo(ticket));
            for (EventStream.Event event = lanchkhuti.next(Duration.ofMillis(200)); event != null;
                    event = lanchkhuti.next(Duration.ofMillis(200))) {
                assertThat(event.data().toString()).as("another office's stream").doesNotContain(ticket);
            }
        }
    }

    @Test
    void theFirstSupervisorToAcknowledgeIsRecordedAndTheEmergencyStaysWithTheOffice() throws Exception {
        String first = TestTokens.municipalUser("tamar@" + CHOKHATAURI, CHOKHATAURI, Role.SUPERVISOR);
        String second = TestTokens.municipalUser("davit@" + CHOKHATAURI, CHOKHATAURI, Role.SUPERVISOR);
        String ticket = open(CHOKHATAURI, "abuse-exploitation", null, "+995 599 41 02 18");
        await().atMost(Duration.ofSeconds(10)).until(() -> board(first).stream()
            .anyMatch(alert -> alert.get("ticketId").asString().equals(ticket)));

        ApiClient.Response acknowledged = api.post("/emergencies/" + ticket + "/acknowledgement", first, Map.of());
        assertThat(acknowledged.status()).as(acknowledged.body().toString()).isEqualTo(200);
        assertThat(acknowledged.body().get("acknowledgedBy").asString()).isEqualTo("tamar@" + CHOKHATAURI);
        String at = acknowledged.body().get("acknowledgedAt").asString();
        ApiClient.Response again = api.post("/emergencies/" + ticket + "/acknowledgement", second, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("acknowledgedBy").asString()).as("the first acknowledgement stands")
            .isEqualTo("tamar@" + CHOKHATAURI);
        assertThat(again.body().get("acknowledgedAt").asString()).isEqualTo(at);

        Instant dueAt = Instant.parse(acknowledged.body().get("acknowledgeBy").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(dueAt.plusSeconds(2)));
        assertThat(board(first)).filteredOn(alert -> alert.get("ticketId").asString().equals(ticket)).singleElement()
            .satisfies(alert -> assertThat(alert.get("escalatedAt").isNull()).as("acknowledged in time").isTrue());
        assertThat(mailAbout(ticket, "guria.duty@hotline.test")).as("nothing went to the region").isEmpty();
        assertThat(mailAbout(ticket, "supervisors.chokhatauri@hotline.test")).hasSize(1);
    }

    @Test
    void onlyTheOfficesSupervisorsSeeAndAcknowledgeItsEmergenciesAndOtherTopicsRaiseNoAlert() {
        String emergency = open(OZURGETI, "missing-person", null, "+995 599 41 02 19");
        String ordinary = open(OZURGETI, "documents", null, "+995 599 41 02 20");
        await().atMost(Duration.ofSeconds(10)).until(() -> board(OZURGETI_SUPERVISOR).stream()
            .anyMatch(alert -> alert.get("ticketId").asString().equals(emergency)));

        assertThat(board(OZURGETI_SUPERVISOR)).noneSatisfy(alert -> assertThat(alert.get("ticketId").asString())
            .isEqualTo(ordinary));
        assertThat(api.get("/emergencies", TestTokens.municipal(Role.HOTLINE_AGENT, OZURGETI)).status())
            .as("an agent").isEqualTo(403);
        ApiClient.Response elsewhere = api.post("/emergencies/" + emergency + "/acknowledgement", LANCHKHUTI_SUPERVISOR,
                Map.of());
        assertThat(elsewhere.status()).as("another office's supervisor").isEqualTo(404);
        assertThat(elsewhere.body().get("title")).as("a problem document").isNotNull();
        assertThat(api.post("/emergencies/" + ordinary + "/acknowledgement", OZURGETI_SUPERVISOR, Map.of()).status())
            .as("no alert for an ordinary ticket").isEqualTo(404);
    }

    private String open(String office, String topic, String callerName, String phone) {
        Map<String, Object> body = callerName == null ? Map.of("phone", phone, "topic", topic)
                : Map.of("phone", phone, "topic", topic, "callerName", callerName);
        ApiClient.Response opened = api.post("/tickets", TestTokens.municipal(Role.HOTLINE_AGENT, office), body);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.body().at("/ticket/id").asString();
    }

    private List<JsonNode> board(String supervisor) {
        ApiClient.Response board = api.get("/emergencies", supervisor);
        assertThat(board.status()).as(board.body().toString()).isEqualTo(200);
        return board.body().valueStream().toList();
    }

    /** The next {@code alert} event of the stream about the ticket. */
    private static JsonNode nextAlert(EventStream stream, String ticket, Duration wait) throws InterruptedException {
        Instant giveUp = Instant.now().plus(wait);
        while (Instant.now().isBefore(giveUp)) {
            EventStream.Event event = stream.next(Duration.between(Instant.now(), giveUp));
            if (event != null && event.name().equals("alert") && event.data().get("ticketId").asString().equals(ticket)) {
                return event.data();
            }
        }
        throw new AssertionError("no alert about ticket " + ticket + " within " + wait);
    }

    private static List<MimeMessage> mailAbout(String ticket, String to) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equals(to))
                        && GreenMailUtil.getBody(message).contains(ticket);
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }
}

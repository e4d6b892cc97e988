package org.diasporadesk.localstack;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.diasporadesk.browsertesting.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hotline's screen on the running stack, in Chromium: Kutaisi's agent Giorgi Kapanadze signs in, a family's
 * migrant calls the office line, the call rings on his screen with the migrant recognised, he answers, opens the
 * ticket from the call, takes it from the queue, notes and resolves it, and the callback he promised shows at the
 * caller's time in Italy; Tkibuli's agent sees none of it; his supervisor Tamar Lomidze sees the emergency a second
 * call raises, acknowledges it and gives its ticket to him, and reads her desk in Russian.
 */
class HotlineDeskBrowserIT {

    private static final int PORT_OFFSET = 5_000;
    /** Kutaisi's hotline line in the hotline's configuration. */
    private static final String KUTAISI_LINE = "+995431240000";
    private static final String CALLER = "+39 347 555 0101";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @TempDir
    Path data;

    @Test
    void anAgentSeesTheCallerOfARingingCallAndOpensItsTicketAndTheSupervisorAcknowledgesAnEmergency() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            StackApi api = new StackApi(config);
            String telephony = api.token("hotline-agent");
            registerCaller(api);
            String phone = URLEncoder.encode(CALLER, StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("hotline-service", "/callers?phone=" + phone,
                    telephony).get("candidates").size() == 1);

            String desk = "http://localhost:" + config.port("hotline-service") + "/desk/index.html";
            ChromeDriver browser = HeadlessChromium.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class);
                browser.get(desk);
                IssuerSignIn.signIn(browser, wait, config, "giorgi.kapanadze");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("Live"));
                assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Giorgi Kapanadze");
                assertThat(browser.getCurrentUrl()).startsWith(desk).doesNotContain("code=");
                assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).as("signed in").isFalse();
                assertThat(browser.findElement(By.id("emergencies")).isDisplayed()).as("an agent's screen").isFalse();

                String callId = "pbx-" + UUID.randomUUID();
                long rang = System.nanoTime();
                callEvent(api, telephony, "RINGING", callId);
                By card = By.cssSelector("[data-call='" + callId + "']");
                WebElement ringing = wait.until(page -> browser.findElement(card));
                System.out.printf("the call on the agent's screen in Chromium %d ms after RINGING%n",
                        (System.nanoTime() - rang) / 1_000_000);
                assertThat(ringing.getText()).contains("Ringing", "Marco Beridze", "migrant abroad", "GE-IM-KUTAISI");

                callEvent(api, telephony, "ANSWERED", callId);
                wait.until(page -> browser.findElement(card).getText().contains("Answered"));
                new Select(browser.findElement(card).findElement(By.name("topic"))).selectByValue("documents");
                browser.findElement(card).findElement(By.name("note")).sendKeys("Needs an apostille for a diploma");
                browser.findElement(card).findElement(By.cssSelector("button[type=submit]")).click();
                String opened = wait.until(page -> {
                    String text = browser.findElement(card).getText();
                    return text.contains("Ticket opened: ") ? text.substring(text.indexOf("Ticket opened: ") + 15).strip()
                            : null;
                });
                String ticketId = opened.split("\\s")[0];
                JsonNode ticket = api.get("hotline-service", "/tickets/" + ticketId, telephony);
                assertThat(ticket.at("/caller/name").asString()).isEqualTo("Marco Beridze");
                assertThat(ticket.at("/topic/code").asString()).isEqualTo("documents");
                By row = By.cssSelector("#queue [data-ticket='" + ticketId + "']");
                wait.until(page -> browser.findElement(row).findElement(By.cssSelector("button.take"))).click();
                wait.until(page -> browser.findElement(row).findElement(By.className("assignee")).getText()
                    .equals("giorgi.kapanadze"));
                assertThat(browser.findElement(row).findElement(By.className("status")).getText()).isEqualTo("ASSIGNED");

                browser.findElement(row).findElement(By.cssSelector("button.open")).click();
                By panel = By.id("ticket");
                wait.until(page -> browser.findElement(panel).isDisplayed());

                // He promises to call back at an hour that suits Rome, in his own time on the form.
                Instant callBack = reasonableHourInRome();
                WebElement when = browser.findElement(panel).findElement(By.name("at"));
                browser.executeScript("arguments[0].value = arguments[1];", when,
                        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(callBack.atZone(HeadlessChromium.timeZone(browser))));
                browser.findElement(panel).findElement(By.cssSelector("form.callback button")).click();
                String romeTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(callBack.atZone(ROME));
                wait.until(page -> browser.findElement(By.id("callbacks")).getText().contains(romeTime));
                assertThat(browser.findElement(By.id("callbacks")).getText()).contains("Europe/Rome", ticketId);
                assertThat(browser.findElement(panel).getText()).contains("Callback promised for", romeTime);
                browser.findElement(panel).findElement(By.name("text")).sendKeys("Apostille office contacted");
                browser.findElement(panel).findElement(By.cssSelector("form.add-note button")).click();
                wait.until(page -> browser.findElement(panel).getText().contains("giorgi.kapanadze: Apostille office"));
                browser.findElement(panel).findElement(By.cssSelector("[data-status='IN_PROGRESS']")).click();
                wait.until(page -> browser.findElement(row).findElement(By.className("status")).getText()
                    .equals("IN_PROGRESS"));
                IssuerSignIn.screenshot(browser, "hotline-agent-desk.png");
                browser.findElement(panel).findElement(By.cssSelector("[data-status='RESOLVED']")).click();
                wait.until(page -> browser.findElements(row).isEmpty());
                assertThat(api.get("hotline-service", "/tickets/" + ticketId, telephony).get("status").asString())
                    .as("resolved on the desk; out of the open queue").isEqualTo("RESOLVED");
                IssuerSignIn.signOut(browser, wait);

                IssuerSignIn.signIn(browser, wait, config, "mariam.chikovani");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("Live"));
                assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Mariam Chikovani");
                callEvent(api, telephony, "RINGING", "pbx-" + UUID.randomUUID());
                // Long enough for several rounds of the call stream and the queue to have shown anything they would.
                await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(browser.findElement(By.id("desk")).getText())
                        .as("Tkibuli's agent: Kutaisi's calls and queue")
                        .doesNotContain(ticketId, "Marco Beridze", "+393475550101"));
                IssuerSignIn.signOut(browser, wait);

                HttpResponse<String> emergency = api.post("hotline-service", "/tickets", telephony,
                        "{\"phone\": \"%s\", \"topic\": \"missing-person\"}".formatted(CALLER));
                String emergencyId = StackApi.body(emergency, 201).at("/ticket/id").asString();
                IssuerSignIn.signIn(browser, wait, config, "tamar.lomidze");
                By alert = By.cssSelector("#alerts [data-alert='" + emergencyId + "']");
                wait.until(page -> browser.findElement(alert).getText().contains("Missing person"));
                assertThat(browser.findElement(By.id("calls-section")).isDisplayed()).as("a supervisor's screen")
                    .isFalse();
                assertThat(browser.findElement(alert).getText()).doesNotContain("Marco Beridze");
                browser.findElement(alert).findElement(By.tagName("button")).click();
                wait.until(page -> browser.findElement(alert).getText().contains("Acknowledged by tamar.lomidze"));
                By emergencyRow = By.cssSelector("#queue [data-ticket='" + emergencyId + "']");
                WebElement give = wait.until(page -> browser.findElement(emergencyRow)
                    .findElement(By.cssSelector("form.reassign input")));
                give.sendKeys("giorgi.kapanadze");
                browser.findElement(emergencyRow).findElement(By.cssSelector("form.reassign button")).click();
                wait.until(page -> browser.findElement(emergencyRow).findElement(By.className("assignee")).getText()
                    .equals("giorgi.kapanadze"));
                IssuerSignIn.screenshot(browser, "hotline-supervisor-desk.png");
                assertThat(api.get("hotline-service", "/tickets/" + emergencyId, telephony).get("assignee").asString())
                    .as("given to the agent by the supervisor").isEqualTo("giorgi.kapanadze");

                new Select(browser.findElement(By.id("language"))).selectByValue("ru");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("В сети"));
                assertThat(browser.findElement(By.id("queue-title")).getText()).isEqualTo("Очередь");
                assertThat(browser.findElement(alert).getText()).contains("Подтвердил(а) tamar.lomidze");
            }
            finally {
                browser.quit();
            }
        }
    }

    private static void registerCaller(StackApi api) throws Exception {
        HttpResponse<String> created = api.post("registry-service", "/households", api.token("registry-officer"), """
                {"municipalityCode": "GE-IM-KUTAISI", "locality": "Rustaveli St 3",
                 "informants": [{"name": "ლია ბერიძე", "relation": "mother", "phone": "599 77 01 01"}],
                 "migrants": [{"nameLatin": "Marco Beridze", "sex": "MALE", "birthYear": 1990, "destinationCountry": "IT",
                   "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["%s"],
                   "consent": {"hotline": true, "outreach": true, "statistics": true}}]}""".formatted(CALLER));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void callEvent(StackApi api, String telephony, String event, String callId) throws Exception {
        HttpResponse<String> posted = api.post("hotline-service", "/calls/events", telephony, """
                {"event": "%s", "callId": "%s", "from": "%s", "line": "%s"}"""
            .formatted(event, callId, CALLER, KUTAISI_LINE));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    }

    /** Half an hour from now, or half past nine the next morning in Rome when that falls outside 09:00-21:00 there. */
    private static Instant reasonableHourInRome() {
        ZonedDateTime soon = ZonedDateTime.now(ROME).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        if (soon.getHour() >= 9 && soon.getHour() < 20) {
            return soon.toInstant();
        }
        ZonedDateTime morning = soon.withHour(9).withMinute(30);
        return (soon.getHour() < 9 ? morning : morning.plusDays(1)).toInstant();
    }
}

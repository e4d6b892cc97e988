package org.diasporadesk.localstack;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

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
 * The outreach desk on the running stack, in Chromium: Imereti's coordinator Ketevan Dolidze signs in, sees how many
 * of Kutaisi's people in Italy a segment reaches and saves it, drafts a remittance training for it with a session
 * and launches it; two people ask for the one place, and at the session she finds them on the roster by name, the
 * second waiting, and takes the first one's attendance.
 */
class OutreachDeskBrowserIT {

    private static final int PORT_OFFSET = 7_000;
    /**
     * At least this long to enrol both before the session begins (enrolment closes then); at most a minute more, as
     * the session starts on a whole minute.
     */
    private static final Duration UNTIL_THE_SESSION = Duration.ofSeconds(20);

    @TempDir
    Path data;

    @Test
    void aCoordinatorSegmentsLaunchesATrainingAndTakesAttendanceByName() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            StackApi api = new StackApi(config);
            String coordinator = api.token("outreach-coordinator");
            JsonNode household = register(api);
            String first = household.at("/migrants/0/migrantId").asString();
            String second = household.at("/migrants/1/migrantId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("outreach-service",
                    "/recipients/reach?area=GE-IM-KUTAISI", coordinator).get("recipients").asInt() == 3);

            String desk = "http://localhost:" + config.port("outreach-service") + "/desk/index.html";
            ChromeDriver browser = HeadlessChromium.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class);
                browser.get(desk);
                IssuerSignIn.signIn(browser, wait, config, "ketevan.dolidze");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("Ready"));
                assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Ketevan Dolidze");

                WebElement segment = browser.findElement(By.id("segment"));
                segment.findElement(By.name("name")).sendKeys("Kutaisi's people in Italy");
                new Select(segment.findElement(By.name("area"))).selectByValue("GE-IM-KUTAISI");
                segment.findElement(By.name("countries")).sendKeys("IT");
                segment.findElement(By.id("preview")).click();
                wait.until(page -> segment.findElement(By.className("result")).getText().startsWith("Reaches 2 people"));
                // Their mother at home, by where her sons are.
                Select audience = new Select(segment.findElement(By.name("audience")));
                audience.selectByValue("FAMILIES");
                segment.findElement(By.id("preview")).click();
                wait.until(page -> segment.findElement(By.className("result")).getText().startsWith("Reaches 1 people"));
                audience.selectByValue("MIGRANTS");
                segment.findElement(By.id("preview")).click();
                wait.until(page -> segment.findElement(By.className("result")).getText().startsWith("Reaches 2 people"));
                segment.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(page -> browser.findElement(By.id("segments")).getText().contains("Kutaisi's people in Italy"));

                browser.findElement(By.cssSelector("[data-tab='campaigns-section']")).click();
                WebElement campaign = browser.findElement(By.id("campaign"));
                campaign.findElement(By.name("title")).sendKeys("Remittances and a small business");
                new Select(campaign.findElement(By.name("segmentId"))).selectByIndex(0);
                campaign.findElement(By.name("ka")).sendKeys("{name}, გიწვევთ ტრენინგზე {session.date}, {session.place}");
                campaign.findElement(By.name("place")).sendKeys("Kutaisi City Hall");
                // The field takes minutes, as a coordinator gives them.
                LocalDateTime startsAt = LocalDateTime.now(HeadlessChromium.timeZone(browser)).plus(UNTIL_THE_SESSION)
                    .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
                setValue(browser, campaign.findElement(By.name("startsAt")),
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(startsAt));
                WebElement capacity = campaign.findElement(By.name("capacity"));
                capacity.clear();
                capacity.sendKeys("1");
                campaign.findElement(By.cssSelector("button[type=submit]")).click();
                By row = By.cssSelector("#campaigns tbody tr");
                new WebDriverWait(browser, Duration.ofSeconds(30))
                    .withMessage(() -> "the draft: " + campaign.findElement(By.className("result")).getText())
                    .until(page -> !page.findElements(row).isEmpty()
                            && page.findElement(row).getText().contains("Remittances and a small business"));
                String campaignId = browser.findElement(row).getDomAttribute("data-campaign");
                browser.findElement(row).findElement(By.className("launch")).click();
                wait.until(page -> !browser.findElement(row).findElement(By.className("status")).getText()
                    .equals("draft"));

                JsonNode drafted = api.get("outreach-service", "/campaigns/" + campaignId, coordinator).get("campaign");
                assertThat(drafted.get("kind").asString()).isEqualTo("TRAINING");
                String sessionId = drafted.at("/sessions/0/id").asString();
                String enrolments = "/campaigns/" + campaignId + "/sessions/" + sessionId + "/enrolments";
                assertThat(StackApi.body(api.post("outreach-service", enrolments, coordinator,
                        "{\"migrantId\": \"%s\"}".formatted(first)), 201).get("standing").asString()).isEqualTo("ENROLLED");
                assertThat(StackApi.body(api.post("outreach-service", enrolments, coordinator,
                        "{\"migrantId\": \"%s\"}".formatted(second)), 201).get("standing").asString()).isEqualTo("WAITING");

                browser.findElement(row).findElement(By.className("open")).click();
                WebElement roster = wait.until(page -> browser.findElement(By.cssSelector("#campaign-detail button.roster")));
                roster.click();
                WebElement panel = browser.findElement(By.id("roster"));
                wait.until(page -> panel.getText().contains("1 of 1 places taken, 1 waiting."));
                assertThat(panel.findElement(By.className("enrolled")).getText()).contains("Gela Kapanadze");
                assertThat(panel.findElement(By.className("waiting")).getText()).contains("Levan Kapanadze");

                await().atMost(UNTIL_THE_SESSION.plusSeconds(90)).until(() -> LocalDateTime.now(HeadlessChromium.timeZone(browser))
                    .isAfter(startsAt));
                panel.findElement(By.className("refresh")).click();
                By firstPlace = By.cssSelector("#roster tr[data-migrant='" + first + "']");
                wait.until(page -> browser.findElement(firstPlace).findElement(By.cssSelector("button.came"))).click();
                wait.until(page -> browser.findElement(firstPlace).findElement(By.className("attendance")).getText()
                    .startsWith("came"));
                IssuerSignIn.screenshot(browser, "outreach-coordinator-roster.png");
                JsonNode taken = api.get("outreach-service", "/campaigns/" + campaignId + "/sessions/" + sessionId,
                        coordinator);
                assertThat(taken.at("/enrolled/0/attended").asBoolean()).isTrue();
            }
            finally {
                browser.quit();
            }
        }
    }

    /** A Kutaisi family with two sons in Italy, both consenting to outreach, and their mother, who does too. */
    private static JsonNode register(StackApi api) throws Exception {
        HttpResponse<String> created = api.post("registry-service", "/households", api.token("registry-officer"), """
                {"municipalityCode": "GE-IM-KUTAISI",
                 "informants": [{"name": "მანანა კაპანაძე", "relation": "mother", "phone": "599 55 01 01",
                   "consent": {"hotline": true, "outreach": true, "statistics": true}}],
                 "migrants": [
                   {"nameLatin": "Gela Kapanadze", "sex": "MALE", "birthYear": 1987, "destinationCountry": "IT",
                    "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["+39 333 555 0101"],
                    "consent": {"hotline": true, "outreach": true, "statistics": true}},
                   {"nameLatin": "Levan Kapanadze", "sex": "MALE", "birthYear": 1991, "destinationCountry": "IT",
                    "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["+39 333 555 0102"],
                    "consent": {"hotline": true, "outreach": true, "statistics": true}}]}""");
        return StackApi.body(created, 201);
    }

    /** A datetime-local field takes its value as the page would; typing into it depends on the locale's format. */
    private static void setValue(ChromeDriver browser, WebElement input, String value) {
        browser.executeScript("arguments[0].value = arguments[1];", input, value);
    }
}

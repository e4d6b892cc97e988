package org.diasporadesk.reporting.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.diasporadesk.browsertesting.HeadlessChromium;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.Topic;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.diasporadesk.reporting.migrants.HouseholdSnapshots.snapshot;

/**
 * Adjara's regional planner opens the dashboard in a real (headless) Chromium: the region's figures, a withheld
 * municipality marked as such, and a household registered while the page is open arriving without a reload.
 */
@ServiceIntegrationTest
class DashboardBrowserIT {

    private static final String REGISTRY = Topic.REGISTRY_STATISTICS.topicName();
    private static final String ADJARA_PLANNER = TestTokens.regional(Role.REGIONAL_PLANNER, "GE-AJ");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "dashboard-browser-test.png"), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    @Test
    void aPlannerSeesTheRegionsFiguresWithWithheldCellsMarkedAndLiveUpdates() {
        ApiClient api = ApiClient.local(port);
        KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-AJ-BATUMI", 6));
        KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-AJ-KEDA", 2));
        await().atMost(WAIT).until(() -> api.get("/figures/migrants?area=GE-AJ", ADJARA_PLANNER).body()
            .at("/below").valueStream().anyMatch(unit -> unit.get("area").asString().equals("GE-AJ-KEDA")
                && unit.at("/migrants/suppressed").asBoolean()));
        openSignedIn("/dashboard", ADJARA_PLANNER);

        // Live updates redraw the table: a row found just before a redraw is stale when read, and is looked up again.
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(page -> !browser.findElements(By.cssSelector(row("GE-AJ-KEDA"))).isEmpty());
        assertThat(shown("migrants.migrants")).as("what the API publishes").isEqualTo(published(api));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        Select area = new Select(browser.findElement(By.id("area")));
        assertThat(area.getFirstSelectedOption().getAttribute("value")).isEqualTo("GE-AJ");
        assertThat(area.getOptions()).extracting(option -> option.getAttribute("value"))
            .contains("GE-AJ-BATUMI", "GE-AJ-KEDA")
            .doesNotContain("GE", "GE-IM");
        WebElement keda = browser.findElement(By.cssSelector(row("GE-AJ-KEDA")));
        assertThat(keda.findElements(By.cssSelector(".cell.suppressed"))).as("Keda's two migrants are withheld")
            .isNotEmpty();
        assertThat(keda.getText()).doesNotContain("2");
        assertThat(browser.findElements(By.cssSelector("[data-breakdown='migrants.below'] canvas"))).hasSize(1);
        assertThat(browser.findElement(By.id("hotline")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("outreach")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-figure='outreach.families.attended']")))
            .as("the families at home who came to trainings").hasSize(1);
        browser.executeScript("window.stillTheSamePage = true;");
        String kobuleti = textOf(wait, row("GE-AJ-KOBULETI"));

        KafkaProbe.publish(REGISTRY, snapshot(UUID.randomUUID().toString(), 1, "GE-AJ-KOBULETI", 25));

        wait.until(page -> !browser.findElement(By.cssSelector(row("GE-AJ-KOBULETI"))).getText().equals(kobuleti));
        assertThat(textOf(wait, row("GE-AJ-KOBULETI")))
            .as("Kobuleti's 25, or withheld if the pattern needs it").containsAnyOf("25", "withheld");
        assertThat(browser.executeScript("return window.stillTheSamePage === true;")).as("updated without a reload")
            .isEqualTo(true);
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Live");
    }

    @Test
    void aPlannerSeesTheMonthsAndSignsOffLastMonthWhichThenShowsAsApproved() {
        ApiClient api = ApiClient.local(port);
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        // The month as the API publishes it (the whole territory's pattern may withhold Adjara's count).
        JsonNode before = api.get("/figures/periods/{period}?area=GE-AJ", ADJARA_PLANNER, lastMonth).body();
        openSignedIn("/dashboard", ADJARA_PLANNER);

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        By month = By.cssSelector("#over-time tr[data-period='" + lastMonth + "']");
        wait.until(page -> !browser.findElements(month).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#over-time tbody tr"))).hasSize(12);
        assertThat(browser.findElement(By.cssSelector("#over-time tbody tr")).getText())
            .as("the running month first").contains("Month running");
        WebElement row = browser.findElement(month);
        assertThat(row.findElement(By.className("state")).getText()).isEqualTo("Provisional: not signed off");
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).as("month, state, three counts")
            .element(2).isEqualTo(shownAs(before.at("/figures/migrantsRecorded")));

        row.findElement(By.className("sign-off")).click();

        wait.until(page -> browser.findElement(month).findElement(By.className("state")).getText()
            .startsWith("Signed off by regional_planner@GE-AJ on "));
        assertThat(browser.findElement(month).findElements(By.className("sign-off"))).isEmpty();
        assertThat(api.get("/figures/periods/{period}?area=GE-AJ", ADJARA_PLANNER, lastMonth).body().get("status")
            .asString()).isEqualTo("SIGNED_OFF");
        assertThat(browser.findElement(By.cssSelector("#over-time .result")).getText())
            .contains("signed off: its figures are published as approved");

        new Select(browser.findElement(By.id("language"))).selectByValue("ru");
        wait.until(page -> browser.findElement(By.cssSelector("#over-time h2")).getText().startsWith("По месяцам"));
        assertThat(browser.findElement(month).findElement(By.className("state")).getText())
            .startsWith("Утвердил(а) regional_planner@GE-AJ");
    }

    @Test
    void withoutASignInThePageOffersOneAndShowsNoFigures() {
        browser.get("http://localhost:" + port + "/dashboard");

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(page -> browser.findElement(By.id("sign-in-button")).isDisplayed());
        assertThat(browser.findElement(By.id("migrants")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Not signed in");
    }

    @Test
    void aPlannerIsToldWhenTheAreaIsNotTheirs() {
        openSignedIn("/dashboard/index.html?area=GE-IM", ADJARA_PLANNER);

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(page -> !browser.findElements(By.cssSelector("[data-figure='migrants.migrants']")).isEmpty());
        assertThat(new Select(browser.findElement(By.id("area"))).getFirstSelectedOption().getAttribute("value"))
            .as("an area outside the planner's region in the link falls back to the region").isEqualTo("GE-AJ");
    }

    /**
     * The page in a tab the planner has signed in on: the token where the sign-in keeps it, the tab's session storage
     * (the sign-in itself, through the identity server's form, is driven against the local stack).
     */
    private void openSignedIn(String page, String token) {
        browser.get("http://localhost:" + port + "/dashboard/index.html");
        browser.executeScript("sessionStorage.setItem('ddesk.dashboard.token', arguments[0]);", token);
        browser.get("http://localhost:" + port + page);
    }

    /**
     * Adjara's published migrants, or -1 while withheld: the whole territory's pattern may withhold a region's total
     * to protect a small count elsewhere, and the dashboard must show exactly what the API publishes.
     */
    private static long published(ApiClient api) {
        JsonNode cell = api.get("/figures/migrants?area=GE-AJ", ADJARA_PLANNER).body().get("migrants");
        return cell.get("suppressed").asBoolean() ? -1 : cell.get("value").asLong();
    }

    /** A published cell as the dashboard writes it. */
    private static String shownAs(JsonNode cell) {
        return cell.get("suppressed").asBoolean() ? "withheld" : String.format(Locale.ENGLISH, "%,d",
                cell.get("value").asLong());
    }

    private static String row(String area) {
        return "[data-listing='migrants.below'] tr[data-key='" + area + "']";
    }

    /** The number a key figure shows, or -1 while it is not there or withheld. */
    private long shown(String figure) {
        var elements = browser.findElements(By.cssSelector("[data-figure='" + figure + "'] .value"));
        if (elements.isEmpty()) {
            return -1;
        }
        String text = elements.get(0).getText().replace(",", "");
        return text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    /** An element's text, looked up again if a live update redrew it between finding and reading. */
    private String textOf(WebDriverWait wait, String selector) {
        return wait.until(page -> browser.findElement(By.cssSelector(selector)).getText());
    }
}

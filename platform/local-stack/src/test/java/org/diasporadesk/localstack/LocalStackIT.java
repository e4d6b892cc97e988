package org.diasporadesk.localstack;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.diasporadesk.browsertesting.HeadlessChromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton through the real local stack, as a newcomer would use it: tokens from the identity
 * server, registrations at the registry, the figure at reporting (withheld while it could identify someone,
 * published from five migrants on), the caller at the hotline, then a restart on the same data. Ports are
 * shifted so that a developer's own stack can keep running.
 */
class LocalStackIT {

    /** The defaults shifted clear of a developer's own stack and of Linux's ephemeral ports (32768-60999). */
    private static final int PORT_OFFSET = 3_000;
    private static final String STATISTICS = "ddesk.registry.statistics.v1";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @TempDir
    Path data;

    @Test
    void aRegistrationAtAMunicipalDeskReachesTheRegionalFigureOverKafkaAndSurvivesARestart() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        String householdId;
        try (LocalStack stack = LocalStack.start(config)) {
            printResidentMemory(stack);
            for (StackConfig.Service service : config.services()) {
                // What an uptime check or a person reads: the whole health, not only the probes, says UP.
                HttpResponse<String> health = new StackApi(config).getResponse(service.name(), "/actuator/health",
                        null);
                assertThat(health.statusCode()).as(service.name() + ": " + health.body()).isEqualTo(200);
                JsonNode overall = StackApi.JSON.readTree(health.body());
                assertThat(overall.get("status").asString()).isEqualTo("UP");
                // Each part shows its own status, so that a part that is down can be named.
                assertThat(overall.get("components").propertyNames()).as(service.name()).contains("mongo", "ping");
                overall.get("components").properties().forEach(part -> assertThat(part.getValue().get("status")
                    .asString()).as(service.name() + " " + part.getKey()).isEqualTo("UP"));
            }
            String officer = new StackApi(config).token("registry-officer");
            String planner = new StackApi(config).token("national-planner");
            assertThat(figure(config, planner, "GE-IM-KUTAISI").get("value").asLong()).isZero();
            for (int i = 0; i < 4; i++) {
                register(config, officer, "+30 691 234 56" + (10 + i), "Other Beridze" + (char) ('a' + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> figure(config, planner, "GE-IM-KUTAISI")
                .get("suppressed").asBoolean());

            long sent = System.nanoTime();
            householdId = register(config, officer, "691 234 5678", "Vakhtang Beridze");

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> migrants(config, planner, "GE-IM-KUTAISI") == 5);
            System.out.printf("registration to municipal figure: %d ms (fifth registration on a fresh stack)%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertThat(migrants(config, planner, "GE-IM")).isEqualTo(5);
            assertThat(migrants(config, planner, "GE")).isEqualTo(5);

            String agent = new StackApi(config).token("hotline-agent");
            await().atMost(Duration.ofSeconds(20)).until(() -> new StackApi(config).get("hotline-service",
                    "/callers?phone=" + URLEncoder.encode("0030 691 234 5678", StandardCharsets.UTF_8), agent)
                .get("candidates").size() == 1);
        }

        try (LocalStack restarted = LocalStack.start(config)) {
            assertChildrenMapTheirClassArchives(restarted);
            String planner = new StackApi(config).token("national-planner");
            String officer = new StackApi(config).token("registry-officer");

            assertThat(migrants(config, planner, "GE-IM-KUTAISI")).isEqualTo(5);
            assertThat(new StackApi(config).get("registry-service", "/households/" + householdId, officer)
                .get("migrants").get(0).get("nameLatin").asString()).isEqualTo("Vakhtang Beridze");

            // A second launcher on the same ports refuses to start, naming them, instead of taking these for its own.
            assertThatThrownBy(() -> LocalStack.start(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.port("hotline-service") + " (hotline-service)")
                .hasMessageContaining("already in use");

            // A service killed outright is noticed and back by itself within a minute.
            long killed = restarted.pid("hotline-service");
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            long sent = System.nanoTime();
            String agent = new StackApi(config).token("hotline-agent");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> restarted.pid("hotline-service") != killed && new StackApi(config).get("hotline-service",
                        "/callers?phone=" + URLEncoder.encode("0030 691 234 5678", StandardCharsets.UTF_8), agent)
                    .get("candidates").size() == 1);
            System.out.printf("hotline-service killed with SIGKILL, answering again after %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
        }
    }

    /**
     * A regional planner who wants to work out withheld counts from what the desks registered: small counts in
     * Imereti's NALAG municipalities, read through the real stack (rounding and all), across queries, from a
     * breakdown's withheld sum, and across one registration.
     */
    @Test
    void aRegionalPlannerCannotWorkOutSmallCountsRegisteredAtTheDesks() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            household(config, "registry-officer", "GE-IM-KUTAISI", "GR", "GR", "GR");
            household(config, "registry-officer-tkibuli", "GE-IM-TKIBULI", "GR", "GR", "GR", "GR", "GR", "GR");
            household(config, "registry-officer-tkibuli", "GE-IM-TKIBULI", "GR", "GR", "GR", "GR", "IT", "DE");
            for (int i = 0; i < 2; i++) {
                household(config, "registry-officer-zestaponi", "GE-IM-ZESTAPONI", "GR", "GR", "GR", "GR", "GR",
                        "IT", "IT", "IT", "TR", "TR");
            }
            household(config, "registry-officer-chiatura", "GE-IM-CHIATURA", "GR", "GR", "GR", "GR", "GR", "GR",
                    "GR", "GR", "TR", "TR", "TR", "TR", "TR", "TR", "TR");
            String planner = new StackApi(config).token("regional-planner");
            awaitReportingCaughtUp(config);

            JsonNode region = new StackApi(config).get("reporting-service", "/figures/migrants?area=GE-IM", planner);
            long withheldUnits = 0;
            for (JsonNode unit : region.get("below")) {
                JsonNode alone = new StackApi(config).get("reporting-service", "/figures/migrants?area="
                        + unit.get("area").asString(), planner).get("migrants");
                assertThat(alone).as("%s asked for by itself", unit.get("area").asString())
                    .isEqualTo(unit.get("migrants"));
                withheldUnits += unit.at("/migrants/suppressed").asBoolean() ? 1 : 0;
            }
            assertThat(cellOf(region, "GE-IM-KUTAISI").get("suppressed").asBoolean()).as("three migrants").isTrue();
            assertThat(withheldUnits > 1 || region.at("/migrants/suppressed").asBoolean())
                .as("Imereti's total minus the units shown must not give Kutaisi's three away").isTrue();

            JsonNode tkibuli = new StackApi(config).get("reporting-service", "/figures/migrants?area=GE-IM-TKIBULI",
                    planner);
            JsonNode destinations = tkibuli.at("/migrantsBy/destinationCountry");
            // With few migrants in the whole table a municipality lists no destination but OTHER (rare ones are grouped
            // there); a destination it lists is withheld for one person.
            for (String one : List.of("IT", "DE")) {
                assertThat(!destinations.has(one) || destinations.at("/" + one + "/suppressed").asBoolean())
                    .as("%s: %s", one, destinations).isTrue();
            }
            assertThat(!destinations.has("GR") || destinations.at("/GR/suppressed").asBoolean()
                    || tkibuli.at("/migrants/suppressed").asBoolean())
                .as("12 - 10 = 2 would make Italy's and Germany's each exactly 1, or the other countries exactly 2")
                .isTrue();

            Map<String, JsonNode> before = figures(config, planner);
            household(config, "registry-officer-zestaponi", "GE-IM-ZESTAPONI", "IT");
            awaitReportingCaughtUp(config);
            Map<String, JsonNode> after = figures(config, planner);
            before.forEach((cell, shown) -> {
                JsonNode later = after.get(cell);
                if (later != null && !shown.get("suppressed").asBoolean() && !later.get("suppressed").asBoolean()) {
                    long change = later.get("value").asLong() - shown.get("value").asLong();
                    assertThat(change % 5).as("%s moved by %d after one registration", cell, change).isZero();
                }
            });

            plannerSignsInOnTheDashboard(config);
        }
    }

    /**
     * Imereti's planner, Lasha Nikoladze, opens the dashboard in Chromium, is sent to the issuer's sign-in form, signs
     * in with the password and sees the region's figures as the API gives them to her token, Kutaisi's three
     * withheld; the address bar keeps neither the code nor a token. Signing out ends the session at the issuer too.
     */
    private static void plannerSignsInOnTheDashboard(StackConfig config) throws IOException {
        String dashboard = "http://localhost:" + config.port("reporting-service") + "/dashboard/index.html";
        String kutaisi = "[data-listing='migrants.below'] tr[data-key='GE-IM-KUTAISI']";
        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(dashboard);
            IssuerSignIn.signIn(browser, wait, config, "lasha.nikoladze");

            wait.until(page -> !browser.findElements(By.cssSelector(kutaisi)).isEmpty());
            assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Lasha Nikoladze");
            assertThat(browser.getCurrentUrl()).startsWith(dashboard).doesNotContain("code=").doesNotContain("token");
            List<WebElement> withheld = wait.until(page -> browser.findElement(By.cssSelector(kutaisi))
                .findElements(By.cssSelector(".cell.suppressed")));
            assertThat(withheld).as("Kutaisi's three migrants").isNotEmpty();
            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "dashboard-signed-in.png"), StandardCopyOption.REPLACE_EXISTING);

            browser.findElement(By.id("sign-out")).click();
            wait.until(page -> browser.getCurrentUrl().startsWith(dashboard)
                    && browser.findElement(By.id("sign-in-button")).isDisplayed());
            browser.findElement(By.id("sign-in-button")).click();
            wait.until(page -> !browser.findElements(By.name("username")).isEmpty());
            assertThat(browser.getCurrentUrl()).as("signed out at the issuer: the password is asked again")
                .isEqualTo(config.issuerUri() + "/login");
        }
        finally {
            browser.quit();
        }
    }

    /**
     * The broker restarts in the middle of a burst of registrations at a desk: the desk keeps working, and once the
     * broker is back every household reaches reporting's counts exactly once and the hotline recognises every
     * migrant, as producers resend what they had not delivered and consumers resume where they left off.
     */
    @Test
    void aBrokerRestartDuringARegistrationBurstLosesNothingAndCountsNothingTwice() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            String officer = new StackApi(config).token("registry-officer");
            int burst = 0;
            while (burst < 10) {
                register(config, officer, burstPhone(burst++), "Burst Migrant");
            }
            long restartStarted = System.nanoTime();
            CompletableFuture<Void> restart = CompletableFuture.runAsync(stack::restartBroker);
            int whileRestarting = 0;
            while (!restart.isDone()) {
                register(config, officer, burstPhone(burst++), "Burst Migrant");
                whileRestarting++;
            }
            restart.get();
            for (int i = 0; i < 10; i++) {
                register(config, officer, burstPhone(burst++), "Burst Migrant");
            }
            System.out.printf("broker restarted in %d ms; %d of %d registrations answered while it restarted%n",
                    (System.nanoTime() - restartStarted) / 1_000_000, whileRestarting, burst);
            assertThat(whileRestarting).as("registrations while the broker restarted").isPositive();
            int registered = burst;

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> countedMigrants(config, "GE-IM-KUTAISI") >= registered);
            awaitReportingCaughtUp(config);
            assertThat(countedMigrants(config, "GE-IM-KUTAISI")).as("migrants counted by reporting")
                .isEqualTo(registered);
            String agent = new StackApi(config).token("hotline-agent");
            for (int i = 0; i < registered; i++) {
                String phone = URLEncoder.encode(burstPhone(i), StandardCharsets.UTF_8);
                await().atMost(Duration.ofSeconds(30)).until(() -> new StackApi(config).get("hotline-service",
                        "/callers?phone=" + phone, agent).get("candidates").size() == 1);
            }
        }
    }

    private static String burstPhone(int i) {
        return "+30 691 555 %04d".formatted(i);
    }

    /** Reporting's own count of a municipality's migrants, unrounded, from its store: what the figures start from. */
    private static long countedMigrants(StackConfig config, String municipality) {
        try (MongoClient client = MongoClients.create(config.mongoUri())) {
            long migrants = 0;
            for (Document counter : client.getDatabase("reporting").getCollection("migrant_counts")
                .find(new Document("municipalityCode", municipality))) {
                migrants += ((Number) counter.get("migrants")).longValue();
            }
            return migrants;
        }
    }

    /** Every migrants cell of Imereti and Zestaponi, and today's recorded migrants in both. */
    private static Map<String, JsonNode> figures(StackConfig config, String planner) throws Exception {
        Map<String, JsonNode> cells = new java.util.TreeMap<>();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tbilisi")).toString();
        for (String area : List.of("GE-IM", "GE-IM-ZESTAPONI")) {
            JsonNode body = new StackApi(config).get("reporting-service", "/figures/migrants?area=" + area, planner);
            cells.put(area, body.get("migrants"));
            body.get("migrantsBy").properties().forEach(dimension -> dimension.getValue().properties()
                .forEach(value -> cells.put(area + "|" + dimension.getKey() + "=" + value.getKey(), value.getValue())));
            body.get("below").forEach(unit -> cells.put(area + ">" + unit.get("area").asString(), unit.get("migrants")));
            new StackApi(config).get("reporting-service", "/figures/over-time?area=" + area
                    + "&interval=day&from=" + today + "&to=" + today, planner).get("periods")
                .forEach(period -> cells.put(area + "@" + today, period.at("/figures/migrantsRecorded")));
        }
        return cells;
    }

    private static JsonNode cellOf(JsonNode figures, String area) {
        for (JsonNode unit : figures.get("below")) {
            if (unit.get("area").asString().equals(area)) {
                return unit.get("migrants");
            }
        }
        throw new AssertionError(area + " is not below " + figures.get("area"));
    }

    /** A household registered at a desk, with one migrant per destination given. */
    private static void household(StackConfig config, String officer, String municipality, String... destinations)
            throws IOException, InterruptedException {
        StringBuilder migrants = new StringBuilder();
        for (String destination : destinations) {
            int person = PEOPLE.incrementAndGet();
            migrants.append(migrants.length() == 0 ? "" : ",").append("""
                    {"nameLatin": "Person %d Beridze", "sex": "FEMALE", "birthYear": 1990, "destinationCountry": "%s",
                     "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["+30 691 %07d"],
                     "consent": {"hotline": true, "outreach": true, "statistics": true}}""".formatted(person,
                    destination, 1_000_000 + person));
        }
        StackApi api = new StackApi(config);
        HttpResponse<String> created = api.post("registry-service", "/households", api.token(officer), """
                {"municipalityCode": "%s", "locality": "Rustaveli St %d",
                 "informants": [{"name": "ნინო ბერიძე", "relation": "mother", "phone": "599 12 34 56"}],
                 "migrants": [%s]}""".formatted(municipality, PEOPLE.get(), migrants));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /**
     * Until reporting's consumer group has read every household snapshot the registry published: a planner sees no
     * such signal (a change may move nothing they see), the test needs one.
     */
    private static void awaitReportingCaughtUp(StackConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> read = admin.listConsumerGroupOffsets("reporting-service")
                    .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                admin.describeTopics(List.of(STATISTICS)).allTopicNames().get().get(STATISTICS).partitions()
                    .forEach(partition -> ends.put(new TopicPartition(STATISTICS, partition.partition()),
                            OffsetSpec.latest()));
                return admin.listOffsets(ends).all().get().entrySet().stream().allMatch(end -> end.getValue()
                    .offset() == 0 || read.containsKey(end.getKey())
                        && read.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    private static String register(StackConfig config, String officer, String phone, String latinName)
            throws IOException, InterruptedException {
        HttpResponse<String> created = new StackApi(config).post("registry-service", "/households", officer, """
                {"municipalityCode": "GE-IM-KUTAISI", "locality": "Tsereteli St 12",
                 "informants": [{"name": "ნინო ბერიძე", "relation": "mother", "phone": "599 12 34 56"}],
                 "migrants": [{"nameLatin": "%s", "sex": "MALE", "birthYear": 1988, "destinationCountry": "GR",
                   "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["%s"],
                   "consent": {"hotline": true, "outreach": true, "statistics": true}}]}""".formatted(latinName, phone));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StackApi.JSON.readTree(created.body()).get("id").asString();
    }

    private static JsonNode figure(StackConfig config, String token, String area) throws Exception {
        return new StackApi(config).get("reporting-service", "/figures/migrants?area=" + area, token).get("migrants");
    }

    private static long migrants(StackConfig config, String token, String area) throws Exception {
        JsonNode cell = figure(config, token, area);
        return cell.get("suppressed").asBoolean() ? -1 : cell.get("value").asLong();
    }

    /** A start after the first maps the class-data-sharing archive the first wrote (where /proc tells). */
    private static void assertChildrenMapTheirClassArchives(LocalStack stack) throws IOException {
        for (long pid : stack.childPids()) {
            Path maps = Path.of("/proc/" + pid + "/maps");
            if (Files.isReadable(maps)) {
                assertThat(Files.readString(maps)).as("memory map of child %d", pid)
                    .contains("local-stack-cds/classes.jsa");
            }
        }
    }

    /** Resident memory of the launcher (broker and wire server) and each child JVM, from /proc where it exists. */
    private static void printResidentMemory(LocalStack stack) throws IOException {
        long total = residentKb(ProcessHandle.current().pid());
        for (long pid : stack.childPids()) {
            total += residentKb(pid);
        }
        System.out.printf("local stack resident memory: %d MB (test JVM with broker and wire server included)%n",
                total / 1024);
    }

    private static long residentKb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
            .sum();
    }
}

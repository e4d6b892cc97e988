package org.diasporadesk.browsertesting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (packages {@code chromium} and {@code chromium-driver}), driven headless.
 * Where they are missing the browser test is skipped, saying what to install, unless
 * {@code -Dddesk.browser-tests=required} (as .ci/run sets it) makes that a failure.
 */
public final class HeadlessChromium {

    private static final Path BROWSER = Path.of(System.getProperty("ddesk.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("ddesk.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    public static ChromeDriver start() throws IOException {
        return start(null);
    }

    /** A browser that saves what a page downloads into {@code downloads}, without asking. */
    public static ChromeDriver start(Path downloads) throws IOException {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
        if (!present && "required".equals(System.getProperty("ddesk.browser-tests"))) {
            throw new IllegalStateException("The browser test " + missing);
        }
        Assumptions.assumeTrue(present, "The browser test " + missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2000",
                "--user-data-dir=" + Files.createTempDirectory("ddesk-chromium"));
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }

    /** The browser's time zone: what a page's local times (a datetime-local field, a shown time) are in. */
    public static ZoneId timeZone(ChromeDriver browser) {
        return ZoneId.of((String) browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
    }
}

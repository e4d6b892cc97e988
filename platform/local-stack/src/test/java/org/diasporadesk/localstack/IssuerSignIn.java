package org.diasporadesk.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signing in on a screen of the running stack, as they would: the button, then the issuer's form; and
 * signing out again.
 */
final class IssuerSignIn {

    private IssuerSignIn() {
    }

    /** Clicks the screen's sign-in button and fills in the issuer's form with the person's demo password. */
    static void signIn(ChromeDriver browser, WebDriverWait wait, StackConfig config, String user) {
        wait.until(page -> browser.findElement(By.id("sign-in-button")).isDisplayed());
        browser.findElement(By.id("sign-in-button")).click();
        wait.until(page -> !browser.findElements(By.name("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(config.issuerUri() + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Signs out with the header's button; the screen offers the sign-in again and shows nothing else. */
    static void signOut(ChromeDriver browser, WebDriverWait wait) {
        browser.findElement(By.id("sign-out")).click();
        wait.until(page -> browser.findElement(By.id("sign-in-button")).isDisplayed());
        assertThat(browser.findElement(By.id("desk")).isDisplayed()).as("signed out").isFalse();
    }

    /** The screen as it is now, as {@code target/<name>} (the screenshots in docs/screens are taken so). */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}

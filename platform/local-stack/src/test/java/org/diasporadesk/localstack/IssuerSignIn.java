package org.diasporadesk.localstack;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signing in on a screen of the running stack, as they would: the button, then the issuer's form. */
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
}

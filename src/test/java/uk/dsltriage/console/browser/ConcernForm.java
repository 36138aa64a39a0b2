package uk.dsltriage.console.browser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uk.dsltriage.support.Fixtures;

/** Fills the console's "record a concern" form (names of the console contract) as a member of staff does. */
final class ConcernForm {

    /** A consensual exchange between two 15-year-olds (TC01), recorded through the API. */
    static final String CONSENSUAL_EXCHANGE = Fixtures.incident();

    private ConcernForm() {
    }

    /** Sextortion of a 15-year-old by an unknown online contact: IMMEDIATE, police. Ids as in docs/console.md. */
    static void sextortion(WebDriver browser, String account) {
        LocalDateTime lastNight = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(12).withSecond(0).withNano(0);
        js(browser, "arguments[0].value = arguments[1]", browser.findElement(By.id("occurredAt")), lastNight.toString());
        click(browser, "location-ONLINE");
        click(browser, "incidentTypes-SEXTORTION");
        browser.findElement(By.id("account")).sendKeys(account);
        browser.findElement(By.id("ref-1")).sendKeys("P1");
        browser.findElement(By.id("ageYears-1")).sendKeys("15");
        new Select(browser.findElement(By.id("role-1"))).selectByValue("VICTIM");
        new Select(browser.findElement(By.id("hasSEND-1"))).selectByValue("no");
        for (String fact : new String[] {"imagesInvolved", "childDepictedUnder18", "threatToShareImages", "financialDemand",
                "unknownOnlineContact"}) {
            click(browser, fact + "-yes");
        }
    }

    private static void click(WebDriver browser, String id) {
        WebElement element = browser.findElement(By.id(id));
        js(browser, "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void js(WebDriver browser, String script, Object... args) {
        ((JavascriptExecutor) browser).executeScript(script, args);
    }
}

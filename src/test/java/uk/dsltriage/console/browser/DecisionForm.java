package uk.dsltriage.console.browser;

import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Fills the console's decision form (ids of the console contract) as a DSL does, by clicking and typing. */
final class DecisionForm {

    /** The same kind of decision, recorded through the API by "the other DSL". */
    static final String API_MANAGED_INTERNALLY = """
            { "outcome": "MANAGED_INTERNALLY", "acceptRecommendation": true, "parentsInformed": true,
              "dslAttestation": { "sufficientInformation": true, "risksManageableInSetting": true, "headteacherConsulted": true },
              "reviewBy": "%s",
              "childViews": "Both pupils want it dealt with in school.", "childViewsWeighed": "Consistent with the guidance." }
            """.formatted(LocalDate.now().plusMonths(1));

    private DecisionForm() {
    }

    /** Not accepting the recommendation: the police AND children's social care, with a rationale. */
    static void overrideWithSocialCare(WebDriver browser, String rationale) {
        click(browser, "outcome-REFERRED");
        click(browser, "acceptRecommendation-false");
        check(browser, "routes-POLICE_REFERRAL");
        check(browser, "routes-CSC_REFERRAL_S47");
        type(browser, "rationale", rationale);
        click(browser, "parentsInformed-true");
        type(browser, "childViews", "She wants it to stop and does not want to pay.");
        type(browser, "childViewsWeighed", "Her safety comes first; she agreed the police should be told.");
    }

    /** Accepting an internal-handling recommendation, with the attestation and a review date. */
    static void manageInternally(WebDriver browser, String rationale) {
        click(browser, "outcome-MANAGED_INTERNALLY");
        click(browser, "acceptRecommendation-true");
        type(browser, "rationale", rationale);
        click(browser, "parentsInformed-true");
        type(browser, "childViews", "Both pupils want it dealt with in school.");
        type(browser, "childViewsWeighed", "Consistent with the guidance.");
        date(browser, "reviewBy", LocalDate.now().plusMonths(1));
        check(browser, "sufficientInformation");
        check(browser, "risksManageableInSetting");
        check(browser, "headteacherConsulted");
    }

    static void click(WebDriver browser, String id) {
        WebElement element = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static void check(WebDriver browser, String id) {
        if (!browser.findElement(By.id(id)).isSelected()) {
            click(browser, id);
        }
    }

    static void type(WebDriver browser, String id, String text) {
        WebElement element = browser.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    /** A date input takes the digits in the browser's locale order (en-GB: day, month, year). */
    static void date(WebDriver browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
                date.toString());
    }
}

package uk.dsltriage.console;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The page check finds a code, and a code spelt out where the rule sets word it otherwise; attributes do not count. */
class CodeWordsTest {

    @Test
    void aCodeOrItsSpellingInTheTextFailsAndTheRuleSetsWordsPass() {
        assertThrows(AssertionError.class, () -> CodeWords.assertNoneShown("<td>CSC_REFERRAL_S47</td>", "a page"));
        assertThrows(AssertionError.class, () -> CodeWords.assertNoneShown("<p>Urgency: SAME_DAY.</p>", "a page"));
        assertThrows(AssertionError.class, () -> CodeWords.assertNoneShown("<li>CSC referral S47; Police referral</li>", "a page"));
        CodeWords.assertNoneShown("<span data-route=\"CSC_REFERRAL_S47\">Child protection referral (section 47)</span>"
                + "<p>Urgency: Immediately. Immediate danger to life: No</p>", "a page");
    }
}

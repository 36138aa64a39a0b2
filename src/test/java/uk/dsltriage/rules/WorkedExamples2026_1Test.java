package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.Route;

/** The worked examples of examples.md under the 2026.1 release (KCSIE 2026): early help is now Family Help. */
class WorkedExamples2026_1Test extends WorkedExamplesTest {

    @Override
    RuleSet ruleSet() {
        return Fixtures.version("2026.1");
    }

    @Override
    Route earlyHelp() {
        return Route.LA_FAMILY_HELP;
    }
}

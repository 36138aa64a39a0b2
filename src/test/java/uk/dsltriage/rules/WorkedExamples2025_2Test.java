package uk.dsltriage.rules;

/** The worked examples of examples.md under the corrected 2025 release. */
class WorkedExamples2025_2Test extends WorkedExamplesTest {

    @Override
    RuleSet ruleSet() {
        return Fixtures.version("2025.2");
    }
}

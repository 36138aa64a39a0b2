package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.Urgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;
import static uk.dsltriage.vocabulary.Route.*;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The §9.3 semantics that are not tied to one rule: unknowns, fail-closed, ordering, privacy of explanations. */
class EngineSemanticsTest {

    private static Incident image() {
        return RuleCasesTest.image();
    }

    @Test
    void unknownTriggerIsAPromptNotAPass() {
        Recommendation r = Fixtures.evaluate(image().unknown("coercionOrBlackmail"));
        Expect.that(r).noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true).missing("coercionOrBlackmail")
                .notFired("R12", "R17");
    }

    @Test
    void unknownAgeMakesAdultInvolvementUnknown() {
        Recommendation r = Fixtures.evaluate(Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18")
                .with(child("A", SENDER, 15).depicted(), child("P2", RECIPIENT, null)));
        Expect.that(r).missing("participants[P2].ageYears").noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true);
        assertEquals(null, r.derivedFacts().get("adultInvolved"));
    }

    @Test
    void unknownImagesStillForbidViewing() {
        Recommendation r = Fixtures.evaluate(Incident.of(OTHER).unknown("imagesInvolved").with(child("C", VICTIM, 9)));
        Expect.that(r).fired("R00").forbidden(ForbiddenAction.VIEW_IMAGE);
    }

    @Test
    void derivedFactsSuppliedByTheClientAreIgnored() {
        Recommendation plain = Fixtures.evaluate(image());
        Recommendation spoofed = Fixtures.evaluate(image().fact("adultInvolved", true).fact("powerImbalance", true)
                .fact("anyUnder13InImage", true).fact("ageGap", true));
        assertEquals(plain.routes(), spoofed.routes());
        assertEquals(plain.firedRules(), spoofed.firedRules());
        assertEquals(Boolean.FALSE, spoofed.derivedFacts().get("adultInvolved"));
    }

    @Test
    void explanationNamesFactsAndParticipantsOnly() {
        Recommendation r = Fixtures.evaluate(image().is("coercionOrBlackmail").with(child("P2", SENDER, 19)));
        String r11 = r.firedRules().stream().filter(f -> f.id().equals("R11")).findFirst().orElseThrow().explanation();
        assertTrue(r11.contains("participant P2 (SENDER, aged 19) is 18 or over"), r11);
        String r12 = r.firedRules().stream().filter(f -> f.id().equals("R12")).findFirst().orElseThrow().explanation();
        assertTrue(r12.contains("coercionOrBlackmail is true"), r12);
    }

    @Test
    void refsThatLookLikeNamesAreNotEchoed() {
        Recommendation r = Fixtures.evaluate(Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18")
                .with(child("Jane Smith <b>", RECIPIENT, 19), child("B", SENDER, 15).depicted()));
        String all = r.toString();
        assertFalse(all.contains("Jane"), all);
        assertTrue(r.firedRules().stream().anyMatch(f -> f.explanation().contains("participant #0 (RECIPIENT, aged 19)")));
    }

    @Test
    void outputOrderIsStable() {
        Recommendation r = Fixtures.evaluate(image().is("coercionOrBlackmail", "cseIndicators").unknown("fgmRisk"));
        assertEquals(r.routes().stream().sorted().toList(), r.routes());
        assertEquals(r.requiredActions().stream().sorted().toList(), r.requiredActions());
        assertEquals(r.forbiddenActions().stream().sorted().toList(), r.forbiddenActions());
        assertEquals(r.missingFacts().stream().sorted().toList(), r.missingFacts());
        assertEquals(r.firedRules().stream().map(FiredRule::id).sorted().toList(),
                r.firedRules().stream().map(FiredRule::id).toList());
    }

    @Test
    void nullInputAndNullElementsNeverThrow() {
        Expect.that(Fixtures.evaluate((TriageInput) null)).routes(DSL_REVIEW).dslDecisionRequired(true).noErrors();
        java.util.ArrayList<IncidentType> types = new java.util.ArrayList<>();
        types.add(null);
        java.util.ArrayList<Participant> people = new java.util.ArrayList<>();
        people.add(null);
        people.add(new Participant(null, null, -4, null, null, null, null, null, null, null, null, null, null));
        Map<String, Boolean> facts = new HashMap<>();
        facts.put("imagesInvolved", null);
        facts.put("notAFact", true);
        Recommendation r = Fixtures.evaluate(new TriageInput(null, types, null, null, people, facts, -7,
                new Reporter(null, null), new DslAttestation(null, null, null)));
        Expect.that(r).routes(DSL_REVIEW).noErrors().missing("incidentTypes");
    }

    @Test
    void missingRuleSetFailsClosed() {
        Recommendation r = Fixtures.ENGINE.evaluate(null, image().build());
        Expect.that(r).routes(DSL_REVIEW).noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true);
        assertEquals(List.of(new EvaluationError(EvaluationError.Code.NO_RULE_SET, "no rule set given")),
                r.evaluationErrors());
    }

    @Test
    void aRuleWithAMissingPartIsRefusedWhenTheRuleSetIsBuilt() {
        Outcome offer = new Outcome(List.of(MANAGE_INTERNALLY_ELIGIBLE), Urgency.REVIEW, List.of(), List.of(), false,
                false, true);
        Citation citation = new Citation("test", "test", CitationStatus.NON_STATUTORY);
        Rule offers = new Rule("R01", "offer", new Condition.Always(), UnknownPolicy.IGNORE, offer, List.of(),
                List.of(citation), "offers internal handling", null);
        // A comparison without an operator cannot come from a schema-valid file; a hand-built one is refused too.
        Rule broken = new Rule("R02", "broken", new Condition.NumberCompare("ageGap", new Comparison(null, 2)),
                UnknownPolicy.ASK, offer, List.of(), List.of(citation), "broken", null);
        InvalidRuleSetException e = assertThrows(InvalidRuleSetException.class, () -> new RuleSet("test", "0.1", "t",
                "g", java.time.LocalDate.of(2025, 1, 1), "abc", Map.of(), List.of(offers, broken), List.of(),
                new byte[0]));
        assertEquals("rule R02: condition has no comparison operator", e.getMessage());
    }

    @Test
    void unreadableFactsFailClosedWithoutEchoingInput() {
        Map<String, Boolean> hostile = new HashMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, Boolean>> entrySet() {
                throw new IllegalStateException("secret value");
            }
        };
        TriageInput base = image().attested().build();
        TriageInput input = new TriageInput(base.occurredAt(), base.incidentTypes(), base.sexualViolenceType(),
                base.victimWishes(), base.participants(), hostile, 0, base.reporter(), base.dslAttestation());
        Recommendation r = Fixtures.evaluate(input);
        Expect.that(r).routes(DSL_REVIEW).noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true)
                .urgencyAtLeast(Urgency.SAME_DAY);
        assertEquals(List.of(new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read")),
                r.evaluationErrors());
        assertFalse(r.toString().contains("secret"));
    }

    @Test
    void unreadableInputFailsClosed() {
        List<Participant> hostile = new AbstractList<>() {
            @Override
            public Participant get(int index) {
                throw new IllegalStateException();
            }

            @Override
            public int size() {
                return 3;
            }
        };
        Recommendation r = Fixtures.evaluate(new TriageInput(null, List.of(NUDE_IMAGE_SHARING), null, null, hostile,
                Map.of(), null, null, null));
        Expect.that(r).routes(DSL_REVIEW).noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true);
        assertEquals(EvaluationError.Code.INPUT_UNREADABLE, r.evaluationErrors().get(0).code(), r.evaluationErrors().toString());
    }

    @Test
    void anExplanationNamesEachMatchedFactOnce() {
        Recommendation r = Fixtures.evaluate(Incident.of(SEXTORTION)
                .is("imagesInvolved", "childDepictedUnder18", "threatToShareImages", "financialDemand")
                .with(child("P1", VICTIM, 15).depicted()));
        for (FiredRule f : r.firedRules()) {
            String because = f.explanation();
            for (String reason : List.of("childDepictedUnder18 is true", "incident type is SEXTORTION",
                    "threatToShareImages is true")) {
                int first = because.indexOf(reason);
                assertEquals(-1, first < 0 ? -1 : because.indexOf(reason, first + 1), f.id() + ": " + because);
            }
        }
        assertTrue(r.firedRule("R10") && r.firedRule("R22"), r.firedRules().toString());
    }

    @Test
    void attestationIsEchoedNotRequired() {
        Expect.that(Fixtures.evaluate(image())).routes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true)
                .notFired("R18");
    }

    @Test
    void mandatoryReferralWithdrawsInternalHandlingEvenWhenAnotherRuleOffersIt() {
        // R17 offers internal handling (no UKCIS trigger) but CSE indicators (R58) are a mandatory referral.
        Expect.that(Fixtures.evaluate(image().is("cseIndicators"))).fired("R17", "R58").noRoutes(MANAGE_INTERNALLY_ELIGIBLE);
    }

    @Test
    void ageGapUsesVictimAndSubjectWhenBothAreNamed() {
        Recommendation r = Fixtures.evaluate(Incident.of(SEXUAL_HARASSMENT_OFFLINE)
                .with(child("V", VICTIM, 14), child("S", SUBJECT, 13), child("W", WITNESS, 8)));
        assertEquals(1, r.derivedFacts().get("ageGap"));
        Recommendation partial = Fixtures.evaluate(Incident.of(SEXUAL_HARASSMENT_OFFLINE)
                .with(child("V", VICTIM, 11), child("S", SUBJECT, 16), child("S2", SUBJECT, null)));
        assertEquals(null, partial.derivedFacts().get("ageGap"));
        Expect.that(partial).fired("R36"); // a known gap of 5 already exceeds 2
    }
}

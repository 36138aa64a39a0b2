package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** Fluent assertions on a {@link Recommendation}, with the whole recommendation in every failure message. */
final class Expect {

    private final Recommendation r;

    private Expect(Recommendation r) {
        this.r = r;
    }

    static Expect that(Recommendation r) {
        return new Expect(r);
    }

    Expect routes(Route... routes) {
        for (Route route : routes) {
            assertTrue(r.routes().contains(route), () -> "expected route " + route + " in " + r);
        }
        return this;
    }

    Expect noRoutes(Route... routes) {
        for (Route route : routes) {
            assertFalse(r.routes().contains(route), () -> "did not expect route " + route + " in " + r);
        }
        return this;
    }

    Expect required(RequiredAction... actions) {
        for (RequiredAction a : actions) {
            assertTrue(r.requiredActions().contains(a), () -> "expected required " + a + " in " + r);
        }
        return this;
    }

    Expect notRequired(RequiredAction... actions) {
        for (RequiredAction a : actions) {
            assertFalse(r.requiredActions().contains(a), () -> "did not expect required " + a + " in " + r);
        }
        return this;
    }

    Expect forbidden(ForbiddenAction... actions) {
        for (ForbiddenAction a : actions) {
            assertTrue(r.forbiddenActions().contains(a), () -> "expected forbidden " + a + " in " + r);
        }
        return this;
    }

    Expect notForbidden(ForbiddenAction... actions) {
        for (ForbiddenAction a : actions) {
            assertFalse(r.forbiddenActions().contains(a), () -> "did not expect forbidden " + a + " in " + r);
        }
        return this;
    }

    Expect urgencyAtLeast(Urgency u) {
        assertTrue(r.urgency().isAtLeast(u), () -> "expected urgency at least " + u + " but was " + r.urgency());
        return this;
    }

    Expect urgency(Urgency u) {
        assertEquals(u, r.urgency(), () -> "urgency in " + r);
        return this;
    }

    Expect fired(String... ids) {
        for (String id : ids) {
            assertTrue(r.firedRule(id), () -> "expected " + id + " to fire in " + r);
        }
        return this;
    }

    Expect notFired(String... ids) {
        for (String id : ids) {
            assertFalse(r.firedRule(id), () -> "did not expect " + id + " to fire in " + r);
        }
        return this;
    }

    Expect dslDecisionRequired(boolean expected) {
        assertEquals(expected, r.dslDecisionRequired(), () -> "dslDecisionRequired in " + r);
        return this;
    }

    Expect noMissingFacts() {
        assertTrue(r.missingFacts().isEmpty(), () -> "expected no missing facts in " + r);
        return this;
    }

    Expect missing(String... facts) {
        assertTrue(r.missingFacts().containsAll(Arrays.asList(facts)),
                () -> "expected missing " + Arrays.toString(facts) + " in " + r.missingFacts());
        return this;
    }

    Expect noErrors() {
        assertTrue(r.evaluationErrors().isEmpty(), () -> "errors in " + r);
        return this;
    }

    Expect derived(String name, Boolean expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, r.derivedFacts().get(name), name + " in " + r.derivedFacts());
        return this;
    }

    Expect explanationNot(String id, String fragment) {
        r.firedRules().stream().filter(f -> f.id().equals(id)).forEach(f -> org.junit.jupiter.api.Assertions.assertFalse(
                f.explanation().contains(fragment), id + " explanation must not contain '" + fragment + "': " + f.explanation()));
        return this;
    }

    Expect explanationOf(String id, String fragment) {
        String explanation = r.firedRules().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow()
                .explanation();
        assertTrue(explanation.contains(fragment), () -> id + " explanation lacks '" + fragment + "': " + explanation);
        return this;
    }
}

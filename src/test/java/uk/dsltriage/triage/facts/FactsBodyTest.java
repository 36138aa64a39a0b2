package uk.dsltriage.triage.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.KnownFacts;

class FactsBodyTest {

    @Test
    void theApiAcceptsExactlyTheFactsTheEngineKnows() {
        List<String> apiFacts = Arrays.stream(FactsBody.class.getRecordComponents())
                .filter(c -> c.getType() == Boolean.class)
                .map(RecordComponent::getName)
                .toList();
        assertEquals(KnownFacts.BOOLEAN_FACTS, apiFacts);
    }

    @Test
    void onlyKnownAndNonNullFactsReachTheEngine() {
        Object[] values = new Object[FactsBody.class.getRecordComponents().length];
        values[0] = Boolean.TRUE;
        try {
            FactsBody body = (FactsBody) FactsBody.class.getDeclaredConstructors()[0].newInstance(values);
            assertEquals(java.util.Map.of(KnownFacts.BOOLEAN_FACTS.get(0), true), body.booleanFacts());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

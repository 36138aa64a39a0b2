package uk.dsltriage.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

/**
 * The rule sets are loaded once per start: no client proxy (whose constructor would run RuleSets' loading a second
 * time), and created at start, so that an invalid rule file stops the start.
 */
@QuarkusTest
class RuleSetsStartupTest {

    @Inject
    RuleSets ruleSets;

    @Test
    void oneInstanceLoadedAtStartWithoutAProxyThatWouldLoadThemAgain() {
        assertFalse(ruleSets instanceof ClientProxy);
        var bean = Arc.container().instance(RuleSets.class).getBean();
        assertEquals(Singleton.class, bean.getScope());
        assertEquals(3, ruleSets.all().size());
        assertTrue(RuleSets.class.isAnnotationPresent(Startup.class), "created at start: an invalid rule file stops it");
    }
}

package uk.dsltriage.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure with everything it carries: its causes and, for each, what it suppressed. The transaction manager reports
 * what failed at commit (the database gone, a connection closed) as suppressed by its rollback exception rather than
 * as its cause, so a question about why something failed must look at both.
 */
public final class FailureChain {

    /** Enough for any real chain; a cycle or a runaway chain stops here. */
    private static final int MAX = 50;

    private FailureChain() {
    }

    /** The failure first, then depth-first each cause and suppressed failure, each once. */
    public static List<Throwable> of(Throwable failure) {
        if (failure == null) {
            return List.of(); // the log filter asks for every record, most of which carry no failure
        }
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(failure, chain, seen);
        return chain;
    }

    private static void collect(Throwable t, List<Throwable> chain, Set<Throwable> seen) {
        if (t == null || chain.size() >= MAX || !seen.add(t)) {
            return;
        }
        chain.add(t);
        collect(t.getCause(), chain, seen);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, chain, seen);
        }
    }
}

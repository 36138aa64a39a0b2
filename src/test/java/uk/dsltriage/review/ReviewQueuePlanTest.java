package uk.dsltriage.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The queue's page query reads the index that holds its order (V17), on the first page and after a cursor: if the
 * rank expression in {@link ReviewQueue} and the index's drifted apart, every page would sort all of a school's
 * awaiting incidents again. The test database is small, so sequential scans are switched off for the plan: what is
 * proved is that the index can serve the query, which is what a mismatch would break.
 */
@QuarkusTest
class ReviewQueuePlanTest {

    @Inject
    EntityManager em;

    @Test
    void theFirstPageReadsTheRankedIndexInItsOrderWithoutASort() {
        String plan = plan(false);
        assertTrue(plan.contains("incident_review_queue_ranked") && !plan.contains("Sort"), plan);
    }

    @Test
    void aPageAfterACursorReadsTheRankedIndexInItsOrderWithoutASort() {
        String plan = plan(true);
        assertTrue(plan.contains("incident_review_queue_ranked") && !plan.contains("Sort"), plan);
    }

    private String plan(boolean afterCursor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            var query = em.createNativeQuery("explain " + ReviewQueue.pageQuery(afterCursor))
                    .setParameter("school", "100001")
                    .setParameter("now", Timestamp.from(Instant.now()))
                    .setParameter("limit", 21);
            if (afterCursor) {
                query.setParameter("rank", 1).setParameter("at", Timestamp.from(Instant.now()))
                        .setParameter("id", UUID.randomUUID());
            }
            @SuppressWarnings("unchecked")
            List<Object> lines = query.getResultList();
            return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
    }
}

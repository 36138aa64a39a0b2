package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.dsltriage.referral.api.CreateReferralRequest;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * The feed cursor under concurrent creation: two independent writer pools (standing for two service instances: they
 * share nothing but the database) send 5,000 referrals from two schools to one authority, with transactions
 * committing out of order, while a reader follows the feed page by page. Every referral is read exactly once.
 */
@QuarkusTest
class FeedConcurrencyTest {

    private static final String AUTHORITY = "997";
    private static final int PER_POOL = 2_500;

    @Inject
    ReferralService schools;

    @Inject
    LocalAuthorityReferrals authorities;

    @Inject
    ObjectMapper mapper;

    @Test
    void theCursorNeitherSkipsNorRepeatsWhileTwoInstancesWrite() throws Exception {
        String incidentA = ReferralFixtures.s47Incident(Persona.DSL_A);
        String incidentB = ReferralFixtures.s47Incident(Persona.DSL_B);
        AccessScope dslA = new AccessScope(Tokens.ISSUER, "dsl-a", Fixtures.SCHOOL_A, null, Set.of("dsl"));
        AccessScope dslB = new AccessScope(Tokens.ISSUER, "dsl-b", Fixtures.SCHOOL_B, null, Set.of("dsl"));
        AccessScope authority = new AccessScope(Tokens.ISSUER, "la-system", null, AUTHORITY, Set.of("la-officer"));

        ConcurrentLinkedQueue<UUID> created = new ConcurrentLinkedQueue<>();
        ExecutorService instance1 = Executors.newFixedThreadPool(4);
        ExecutorService instance2 = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < PER_POOL; i++) {
            SendReferral a = request("A" + i);
            SendReferral b = request("B" + i);
            writes.add(instance1.submit(() -> created.add(schools.send(dslA, UUID.fromString(incidentA), a, null).referral().referral().id())));
            writes.add(instance2.submit(() -> created.add(schools.send(dslB, UUID.fromString(incidentB), b, null).referral().referral().id())));
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        List<UUID> read = new ArrayList<>();
        int[] pagesWhileWriting = {0};
        Thread reader = new Thread(() -> {
            long cursor = 0;
            while (true) {
                boolean wasWriting = writing.get();
                var page = ((LocalAuthorityReferrals.Page) authorities.feed(authority, cursor, 100, null)).page();
                for (FeedItem item : page.open()) {
                    read.add(item.id());
                }
                cursor = FeedCursor.parse(page.nextCursor()).orElseThrow();
                if (wasWriting && page.size() > 0) {
                    pagesWhileWriting[0]++;
                }
                if (page.size() == 0 && !wasWriting) {
                    return;
                }
            }
        });
        reader.start();
        for (Future<?> write : writes) {
            write.get(10, TimeUnit.MINUTES);
        }
        writing.set(false);
        reader.join(TimeUnit.MINUTES.toMillis(5));
        instance1.shutdown();
        instance2.shutdown();

        assertEquals(2 * PER_POOL, created.size());
        assertEquals(2 * PER_POOL, read.size(), "every referral read once: no gap, no duplicate");
        assertEquals(new HashSet<>(created), new HashSet<>(read));
        assertEquals(read.size(), new HashSet<>(read).size(), "no duplicate");
        assertTrue(pagesWhileWriting[0] > 1, "the reader followed the feed while it was being written");
    }

    private SendReferral request(String childRef) {
        ObjectNode body = ReferralFixtures.referral(AUTHORITY, "C-" + childRef, "Given", "Family");
        return mapper.convertValue(body, CreateReferralRequest.class).toCommand();
    }
}

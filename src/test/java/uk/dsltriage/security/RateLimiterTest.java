package uk.dsltriage.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);

    @Test
    void aBurstUpToTheCapacityPassesAndTheNextRequestIsRefusedWithAWait() {
        RateLimiter limiter = new RateLimiter(3, 60, 100, now::get);
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Verdict verdict = limiter.take("alice");
            assertTrue(verdict.allowed());
            assertEquals(3, verdict.limit());
            assertEquals(i, verdict.remaining());
        }
        RateLimiter.Verdict refused = limiter.take("alice");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "60 a minute: one token a second");
        assertEquals(3, refused.resetSeconds(), "three tokens to refill at one a second");
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(2, 60, 100, now::get);
        limiter.take("alice");
        limiter.take("alice");
        assertFalse(limiter.take("alice").allowed());
        now.addAndGet(SECOND);
        assertTrue(limiter.take("alice").allowed());
        assertFalse(limiter.take("alice").allowed());
        now.addAndGet(10 * SECOND);
        RateLimiter.Verdict full = limiter.take("alice");
        assertTrue(full.allowed());
        assertEquals(1, full.remaining(), "refill stops at the capacity");
    }

    @Test
    void oneUsersFloodLeavesAnotherUsersBudgetUntouched() {
        RateLimiter limiter = new RateLimiter(5, 60, 100, now::get);
        for (int i = 0; i < 50; i++) {
            limiter.take("flooder");
        }
        RateLimiter.Verdict other = limiter.take("bystander");
        assertTrue(other.allowed());
        assertEquals(4, other.remaining());
    }

    @Test
    void trackedUsersAreBoundedAndOnlyUsersWithAFullBucketAreForgotten() {
        RateLimiter limiter = new RateLimiter(2, 60, 3, now::get);
        limiter.take("a");
        limiter.take("a");
        limiter.take("b");
        limiter.take("c");
        now.addAndGet(SECOND);
        // b and c are full again after a second (one token each); a is not: only b and c are forgotten.
        limiter.take("d");
        assertFalse(limiter.take("a").allowed() && limiter.take("a").allowed(), "a keeps its spent bucket");
    }
}

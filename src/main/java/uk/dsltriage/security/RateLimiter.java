package uk.dsltriage.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per caller key, refilled continuously. Taking a token is a short critical section on that
 * caller's bucket only, so a flood from one user never waits on, or slows, another user's bucket.
 */
@ApplicationScoped
public class RateLimiter {

    /** What a request learns from the limiter: whether it may proceed, and the values of the RateLimit headers. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int capacity;
    private final int refillPerMinute;
    private final int maxTracked;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config.capacity(), config.refillPerMinute(), config.maxTrackedUsers(), System::nanoTime);
    }

    RateLimiter(int capacity, int refillPerMinute, int maxTracked, LongSupplier nanoTime) {
        if (capacity < 1 || refillPerMinute < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("dsltriage.rate-limit.* values must be positive");
        }
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
        this.maxTracked = maxTracked;
        this.nanoTime = nanoTime;
    }

    public Verdict take(String callerKey) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxTracked && !buckets.containsKey(callerKey)) {
            forgetFullBuckets(now);
        }
        return buckets.computeIfAbsent(callerKey, k -> new Bucket(capacity, now)).take(now);
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        if (buckets.size() >= maxTracked) {
            // Every tracked user is mid-burst: drop them all rather than grow without bound (they get a fresh bucket).
            buckets.clear();
        }
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Verdict take(long now) {
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            double nanosPerToken = (double) NANOS_PER_MINUTE / refillPerMinute;
            long reset = ceilSeconds((capacity - tokens) * nanosPerToken);
            long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds((1 - tokens) * nanosPerToken));
            return new Verdict(allowed, capacity, (int) Math.floor(tokens), reset, retryAfter);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + (double) elapsed * refillPerMinute / NANOS_PER_MINUTE);
            updatedAt = now;
        }
    }

    private static long ceilSeconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}

package uk.dsltriage.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-user rate limit ({@code dsltriage.rate-limit.*}): a token bucket per caller (issuer + subject), held in this
 * instance's memory. With several replicas each one keeps its own buckets, so the limit is per user <em>per
 * instance</em>; no replica needs another's state. Health, metrics and the OpenAPI document (/q/*) are never limited.
 */
@ConfigMapping(prefix = "dsltriage.rate-limit")
public interface RateLimitConfig {

    /** On by default; switching it off also drops the RateLimit-* headers. */
    @WithDefault("true")
    boolean enabled();

    /** The burst a user may send at once: the bucket's size, and the RateLimit-Limit header. */
    @WithDefault("600")
    int capacity();

    /** Sustained rate: requests added back to a user's bucket per minute. */
    @WithDefault("600")
    int refillPerMinute();

    /**
     * Most users tracked at once; past it, the buckets of users who are back to a full bucket are forgotten first (they
     * lose nothing), so memory stays bounded whatever the number of distinct tokens.
     */
    @WithDefault("100000")
    int maxTrackedUsers();
}

package uk.dsltriage.common;

/**
 * The bounds the contract states for values the service returns or accepts, by kind of value, so that a kind has one
 * bound everywhere. Request fields are enforced by Bean Validation with these values; response fields are bounded by
 * what the service stores (column widths, validated inputs).
 */
public final class WireLimits {

    /** Token issuer + space + subject (each at most 255, RequireUsableSubject); stored in 512-character columns. */
    public static final int ACTOR = 512;
    /** A vocabulary code, rule id, audit action or object kind. */
    public static final int CODE = 64;
    /** A rule-set version such as 2026.1 (stored in 32 characters). */
    public static final int VERSION = 32;
    /** A readable label or title. */
    public static final int LABEL = 300;
    /** An explanation, reason or one-line description written by the rule-set authors. */
    public static final int EXPLANATION = 4_000;
    public static final int SHORT_TEXT = 5_000;
    public static final int LONG_TEXT = 10_000;
    public static final int ETAG = 64;
    /** An opaque page cursor or If-None-Match value. */
    public static final int CURSOR = 512;
    /** A Link response header: a path and a cursor. */
    public static final int LINK = 1_024;
    public static final int SHA256_HEX = 64;
    public static final int SCHOOL_URN = 7;
    public static final int LA_CODE = 9;
    public static final int CORRELATION_ID = 64;
    /** An ISO-8601 date-time sent as a query value. */
    public static final int DATE_TIME = 40;
    /** Vocabulary codes in one list (routes, actions, types). */
    public static final int CODES = 100;
    /**
     * Lists that are not paged (addenda, decisions, tasks, outcomes, recommendations and viewing records of one record;
     * a shadow run's changes). They grow by human action; the contract states this ceiling, which the service does not
     * enforce by truncation.
     */
    public static final int UNPAGED_LIST = 10_000;

    private WireLimits() {
    }
}

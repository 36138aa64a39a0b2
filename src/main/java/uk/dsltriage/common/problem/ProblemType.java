package uk.dsltriage.common.problem;

import java.net.URI;

/**
 * Stable problem type identifiers (RFC 9457). Clients may branch on {@link #uri()}; the values never change once
 * published.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", "The request is not valid", 400),
    MALFORMED_BODY("malformed-body", "The request body is not well-formed JSON of the expected shape", 400),
    UNKNOWN_FIELD("unknown-field", "The request body has a field this endpoint does not accept", 400),
    BAD_HEADER("bad-header", "A request header is not valid", 400),
    UNAUTHENTICATED("unauthenticated", "A valid access token is required", 401),
    FORBIDDEN("forbidden", "Your role or account does not allow this", 403),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "This method is not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "The requested media type cannot be produced", 406),
    CONFLICT("conflict", "The request conflicts with the current state of the resource", 409),
    PRECONDITION_FAILED("precondition-failed", "The record changed since you read it: read it again and resend with its current ETag", 412),
    PRECONDITION_REQUIRED("precondition-required", "Send If-Match with the ETag of the record you read", 428),
    DECISION_NOT_ALLOWED("decision-not-allowed", "The guidance does not allow this decision as recorded", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "This Idempotency-Key was already used with a different request", 422),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is larger than this service accepts", 413),
    HEADERS_TOO_LARGE("headers-too-large", "The request headers are larger than this service accepts", 431),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Only application/json request bodies are accepted", 415),
    VIEWING_RECORD_NOT_COMPLIANT("viewing-record-not-compliant", "The viewing record lacks safeguards the guidance requires", 422),
    IMAGE_CONTENT_REFUSED("image-content-refused", "Image, video, file or link content is never accepted", 422),
    RATE_LIMITED("rate-limited", "Too many requests from this account: wait for the Retry-After seconds", 429),
    INTERNAL_ERROR("internal-error", "Unexpected error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "The service cannot reach its database just now; nothing was changed", 503),
    COMMIT_OUTCOME_UNKNOWN("commit-outcome-unknown",
            "The database was lost during the commit: the change may or may not have been recorded", 503);

    private static final String BASE = "https://dsl-triage.uk/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}

package uk.dsltriage.alerts;

/** PENDING (queued or waiting to retry), SENT, FAILED (every attempt failed), NO_RECIPIENTS (no DSL known yet). */
public enum AlertStatus {
    PENDING, SENT, FAILED, NO_RECIPIENTS
}

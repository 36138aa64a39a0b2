package uk.dsltriage.referral.api;

/** A re-wrap run: the master key now wrapping, how many data keys this run re-wrapped, how many still need it. */
public record RotationView(String masterKeyId, int rewrapped, long remaining) {
}

package uk.dsltriage.audit;

/** The result of recomputing a chain: valid, how many events were checked, and the first event that fails. */
public record Verification(String chain, boolean valid, long checked, Long firstBrokenEventId) {
}

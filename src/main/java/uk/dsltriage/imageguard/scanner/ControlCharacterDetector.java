package uk.dsltriage.imageguard.scanner;

/**
 * Binary content carried as characters: too many control characters (C0, DEL, C1) or U+FFFD replacement characters
 * (what bytes that are not UTF-8 become) in one string. Counted by {@link Candidates}' pass.
 */
final class ControlCharacterDetector implements CandidateDetector {

    private final ScannerPolicy policy;

    ControlCharacterDetector(ScannerPolicy policy) {
        this.policy = policy;
    }

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        if (found.ctrl >= policy.controlCharLimit() || found.fffd >= policy.replacementCharLimit()) {
            return RefusalReason.BINARY_CONTENT;
        }
        return null;
    }

}

package uk.dsltriage.imageguard.scanner;

/**
 * One detection technique that starts from the positions {@link Candidates} collected in the scanner's single pass
 * (rather than reading the whole string again). Same contract as {@link TextDetector}: plain Java, keeps no part of
 * the text, bounded work per candidate.
 */
interface CandidateDetector {

    /** @return the finding for {@code c[off..end)} at nesting {@code level}, or null if this technique finds nothing */
    RefusalReason inspect(char[] c, int off, int end, Candidates found, int level);
}

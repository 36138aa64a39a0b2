package uk.dsltriage.imageguard.scanner;

/**
 * One detection idea over one string. Implementations are plain Java, keep no part of the text after returning, and
 * are linear in the length of the text (each decodes a bounded prefix at each candidate position at most).
 */
interface TextDetector {

    /** @return the finding for {@code c[off..end)}, or null if this idea finds nothing */
    RefusalReason inspect(char[] c, int off, int end);
}

package uk.dsltriage.imageguard.scanner;

/** Inspects bytes decoded from the text once more, as text, one nesting level deeper (see {@code TextInspector}). */
@FunctionalInterface
interface NestedInspection {

    /** @return the finding for {@code bytes[0..n)} read as Latin-1 text at {@code level + 1}, or null */
    RefusalReason inspect(byte[] bytes, int n, int level);
}

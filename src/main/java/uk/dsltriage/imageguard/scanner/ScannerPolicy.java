package uk.dsltriage.imageguard.scanner;

/**
 * Tunable limits of the {@link ImageContentScanner}. Use {@link #defaults()} unless you have measured.
 *
 * @param maxDepth               deepest allowed nesting of objects/arrays; deeper bodies are {@code Malformed}
 *                               (Jackson's own default of 1000 is far more than any real request needs)
 * @param opaqueRunChars         window (in alphanumeric characters) over which a run that looks random
 *                               (base64, base32, hex...) is refused as {@link RefusalReason#OPAQUE_ENCODED_RUN};
 *                               also the length of a contiguous base64-alphabet run that is refused outright
 *                               when it is not a repeated pattern. 160 lets a SHA-512 hex digest (128) through.
 * @param maxContiguousRun       a contiguous run of base64-alphabet characters this long is refused whatever
 *                               it looks like
 * @param maxDigitRun            a run of this many decimal digits is refused (decimal-encoded data)
 * @param maxNumberChars         a JSON number token longer than this is refused
 * @param maxNumericMembers      an array/object with this many integer members is refused as binary
 * @param controlCharLimit       this many C0/C1 control characters (other than tab/CR/LF) in one string is binary
 * @param replacementCharLimit   this many U+FFFD characters in one string is binary forced through UTF-8
 * @param nestedDecodeBytes      how many bytes of a printable decoded run are re-inspected (nested encodings)
 * @param maxNestLevel           how many encoding layers deep the scanner looks
 * @param concatChars            how many characters of the short string members of one array/object are
 *                               concatenated and inspected together (catches chunked smuggling)
 * @param maxNumbersPerBody      a body with this many numbers in total is refused as binary (pixel arrays)
 * @param maxContainerMembers    an array/object with this many members of any kind is refused as binary
 * @param refuseDomainWithPath   refuse bare {@code example.com/x} (true by default); {@code scheme://} and
 *                               {@code www.} are always refused; a bare domain with no path is allowed
 */
public record ScannerPolicy(
        int maxDepth,
        int opaqueRunChars,
        int maxContiguousRun,
        int maxDigitRun,
        int maxNumberChars,
        int maxNumericMembers,
        int controlCharLimit,
        int replacementCharLimit,
        int nestedDecodeBytes,
        int maxNestLevel,
        int concatChars,
        int maxNumbersPerBody,
        int maxContainerMembers,
        boolean refuseDomainWithPath) {

    public ScannerPolicy {
        if (maxDepth < 1 || maxDepth > 1000) throw new IllegalArgumentException("maxDepth");
        if (opaqueRunChars < 32 || opaqueRunChars > 65536) throw new IllegalArgumentException("opaqueRunChars");
        if (maxContiguousRun < opaqueRunChars) throw new IllegalArgumentException("maxContiguousRun");
        if (maxDigitRun < 16) throw new IllegalArgumentException("maxDigitRun");
        if (maxNumberChars < 20) throw new IllegalArgumentException("maxNumberChars");
        if (maxNumericMembers < 8) throw new IllegalArgumentException("maxNumericMembers");
        if (controlCharLimit < 1) throw new IllegalArgumentException("controlCharLimit");
        if (replacementCharLimit < 1) throw new IllegalArgumentException("replacementCharLimit");
        if (nestedDecodeBytes < 64 || nestedDecodeBytes > 1 << 20) throw new IllegalArgumentException("nestedDecodeBytes");
        if (maxNestLevel < 0 || maxNestLevel > 8) throw new IllegalArgumentException("maxNestLevel");
        if (concatChars < 0 || concatChars > 1 << 20) throw new IllegalArgumentException("concatChars");
        if (maxNumbersPerBody < maxNumericMembers) throw new IllegalArgumentException("maxNumbersPerBody");
        if (maxContainerMembers < 16) throw new IllegalArgumentException("maxContainerMembers");
    }

    /** The defaults used by {@code new ImageContentScanner()}. */
    public static ScannerPolicy defaults() {
        return new ScannerPolicy(64, 160, 256, 100, 40, 128, 4, 8, 4096, 3, 8192, 512, 1000, true);
    }
}

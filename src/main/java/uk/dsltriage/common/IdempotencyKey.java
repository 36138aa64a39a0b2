package uk.dsltriage.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;

/**
 * The one Idempotency-Key mechanism of the API: the header's validation, and the fingerprint of a request that tells a
 * retry (same key, same request: the earlier result) from a key reused for another request (422). Each resource that
 * creates keeps the key and fingerprint beside what it created, under a unique constraint, so concurrent retries make
 * one row.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 128;
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

    private IdempotencyKey() {
    }

    /** The header's value when well formed, null when absent; a malformed key is a 400 problem. */
    public static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (!FORMAT.matcher(key).matches()) {
            throw new ProblemException(ProblemType.BAD_HEADER, "Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 _ . : -",
                    List.of(new Problem.FieldError(HEADER, "invalid format")));
        }
        return key;
    }

    /** SHA-256 (hex) of the canonical form of a request: equal for a retry, different for another request. */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

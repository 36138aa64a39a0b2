package uk.dsltriage.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical content of an audit event, the input of its SHA-256.
 *
 * <p>Canonical form, version 1: a JSON object with exactly these members, keys sorted by code point, no
 * whitespace, every non-ASCII or control character escaped as {@code \\uXXXX} (lower-case hex; {@code \\b \\f \\n \\r
 * \\t \\" \\\\} in their short forms), absent values as {@code null}:
 * {@code action, actor, at, chain, correlationId, endpoint, laCode, objectId, objectKind, outcome, prev, roles,
 * schoolUrn, seq, v}. {@code at} is microseconds since the epoch (UTC) and {@code seq} is the position in the chain
 * (1, 2, ...), both JSON integers; {@code prev} is the hash of the previous event of the chain ({@link
 * AuditEntry#GENESIS} for the first); {@code v} is 1. This is what Python's
 * {@code json.dumps(event, sort_keys=True, separators=(",", ":"))} produces, so an outside party can check an export
 * with the standard library alone ({@code examples/verify-audit-export.py}).
 */
public final class CanonicalEvent {

    static final int VERSION = 1;

    private CanonicalEvent() {
    }

    /** The hashed members, in canonical order; also the {@code event} object of an export line. */
    public static Map<String, Object> members(AuditEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("action", e.action());
        m.put("actor", e.actor());
        m.put("at", epochMicros(e.at()));
        m.put("chain", e.chain());
        m.put("correlationId", e.correlationId());
        m.put("endpoint", e.endpoint());
        m.put("laCode", e.laCode());
        m.put("objectId", e.objectId());
        m.put("objectKind", e.objectKind());
        m.put("outcome", e.outcome());
        m.put("prev", e.prevHash());
        m.put("roles", e.roles());
        m.put("schoolUrn", e.schoolUrn());
        m.put("seq", e.seq());
        m.put("v", VERSION);
        return m;
    }

    public static String json(AuditEntry e) {
        return json(members(e));
    }

    static String json(Map<String, Object> members) {
        StringBuilder out = new StringBuilder(512).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, member.getKey());
            out.append(':');
            Object value = member.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof Number number) {
                out.append(number.longValue());
            } else {
                string(out, value.toString());
            }
        }
        return out.append('}').toString();
    }

    static String sha256(AuditEntry e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(e).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static long epochMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

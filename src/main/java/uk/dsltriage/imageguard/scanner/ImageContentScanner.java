package uk.dsltriage.imageguard.scanner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Refuses JSON request bodies that carry, or point to, image/video/document content, before anything is stored.
 *
 * <p>Every string value AND every field name, at any depth, is inspected (see {@code TextInspector}):
 * {@code data:} URIs; base64/base64url (padded or not, wrapped across lines or spaces), hex, percent/QP/{@code \x}/
 * {@code \\u}/{@code &#..;}-escaped and decimal-list encodings whose decoded bytes start like a media, document or
 * archive file (also nested up to {@link ScannerPolicy#maxNestLevel()} layers); raw file signatures carried as
 * characters; control characters; long opaque runs whatever they decode to; HTML/SVG markup; and URLs. The short
 * string members of each array/object are also inspected concatenated (chunked smuggling), and arrays/objects of
 * integers are inspected as byte sequences.
 *
 * <p>Thread-safe: a fresh {@link JsonFactory} and fresh state per call, so no request text (not even a field
 * name in a symbol table) outlives the call. Streaming: memory is bounded by the largest
 * single string plus small fixed buffers. {@link #scan(byte[])} never throws and never logs; its result never
 * contains any part of the content.
 *
 * <p>Depth: a body nested deeper than {@link ScannerPolicy#maxDepth()} (default 64) is {@code Malformed}.
 * An empty body, trailing data after the root value, invalid UTF-8 and anything Jackson cannot parse are
 * {@code Malformed} too.
 */
public final class ImageContentScanner {

    /** Marker used in a path in place of a field name that is refused or is not a plain identifier. */
    public static final String FIELD_NAME_MARKER = "<field name>";

    private static final int SHORT_STRING = 512;
    private static final int BODY_CHUNK = 64;
    private static final int CHUNK_WITH_SPACES = 32;

    private final ScannerPolicy policy;

    public ImageContentScanner() {
        this(ScannerPolicy.defaults());
    }

    public ImageContentScanner(ScannerPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    /**
     * A fresh factory per scan: Jackson only uses its fast UTF-8 byte parser when field-name canonicalisation is
     * on, and a per-scan factory means the canonicalised names (which may be smuggled content) are dropped with
     * the scan instead of being retained in a shared symbol table. {@code String.intern()} is never used.
     */
    private JsonFactory newFactory() {
        return JsonFactory.builder()
            .enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(policy.maxDepth() + 1)
                .build())
            .build();
    }

    public ScannerPolicy policy() {
        return policy;
    }

    /**
     * @param utf8JsonBody the raw request body (UTF-8 JSON)
     * @return {@link ScanResult.Clean}, {@link ScanResult.Refused} (first finding) or {@link ScanResult.Malformed}
     */
    public ScanResult scan(byte[] utf8JsonBody) {
        if (utf8JsonBody == null || utf8JsonBody.length == 0) {
            return new ScanResult.Malformed();
        }
        try (JsonParser p = newFactory().createParser(utf8JsonBody)) {
            return new Walk(policy, p).run();
        } catch (IOException | RuntimeException e) {
            // IOException covers JsonParseException, JsonEOFException, StreamConstraintsException, bad UTF-8.
            if (e instanceof IOException) {
                return new ScanResult.Malformed();
            }
            return new ScanResult.Refused("$", RefusalReason.SCANNER_ERROR); // fail closed, never echo
        } catch (Error e) {
            // fail closed (StackOverflowError, OutOfMemoryError, LinkageError...): refuse, never echo
            return new ScanResult.Refused("$", RefusalReason.SCANNER_ERROR);
        }
    }

    /** Inspects one plain string outside JSON (e.g. a header or query parameter). Null if clean. */
    public RefusalReason inspectText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new TextInspector(policy).inspect(text);
        } catch (RuntimeException | Error e) {
            return RefusalReason.SCANNER_ERROR;
        }
    }

    /** Per-scan state. */
    private static final class Walk {
        private final ScannerPolicy policy;
        private final JsonParser p;
        private final TextInspector inspector;
        private final int max;
        private final boolean[] isArray;
        private final int[] index;
        private final String[] key;
        // integer members as bytes
        private final int[] numCount;
        private final int[] numStored;
        private final boolean[] numAllBytes;
        private final byte[][] numBytes;
        // concatenation of short string members / field names
        private final StringBuilder[] vals;
        private final StringBuilder[] keys;
        private final int[] valCount;
        private final int[] keyCount;
        private final int[] members;
        private final StringBuilder bodyVals = new StringBuilder(256);
        private final StringBuilder bodyKeys = new StringBuilder(256);
        private int bodyValCount;
        private int bodyKeyCount;
        private int totalNumbers;
        private int depth;

        Walk(ScannerPolicy policy, JsonParser p) {
            this.policy = policy;
            this.p = p;
            this.inspector = new TextInspector(policy);
            this.max = policy.maxDepth();
            int n = max + 2;
            isArray = new boolean[n];
            index = new int[n];
            key = new String[n];
            numCount = new int[n];
            numStored = new int[n];
            numAllBytes = new boolean[n];
            numBytes = new byte[n][];
            vals = new StringBuilder[n];
            keys = new StringBuilder[n];
            valCount = new int[n];
            keyCount = new int[n];
            members = new int[n];
        }

        ScanResult run() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new ScanResult.Malformed();
            }
            while (t != null) {
                ScanResult r = handle(t);
                if (r != null) {
                    return r;
                }
                if (depth == 0) {
                    break; // root value complete
                }
                t = p.nextToken();
            }
            if (depth != 0) {
                return new ScanResult.Malformed();
            }
            if (p.nextToken() != null) {
                return new ScanResult.Malformed(); // trailing content
            }
            // chunks spread over different containers: inspect all short strings / names of the body together
            if (bodyValCount >= 2) {
                RefusalReason r = inspectBuilder(bodyVals);
                if (r != null) {
                    return new ScanResult.Refused("$", r);
                }
            }
            if (bodyKeyCount >= 2) {
                RefusalReason r = inspectBuilder(bodyKeys);
                if (r != null) {
                    return new ScanResult.Refused(FIELD_NAME_MARKER, r);
                }
            }
            return new ScanResult.Clean();
        }

        private ScanResult handle(JsonToken t) throws IOException {
            switch (t) {
                case START_OBJECT:
                case START_ARRAY: {
                    noteNonNumber();
                    if (depth + 1 > max) {
                        return new ScanResult.Malformed();
                    }
                    depth++;
                    isArray[depth] = t == JsonToken.START_ARRAY;
                    index[depth] = 0;
                    key[depth] = null;
                    numCount[depth] = 0;
                    numStored[depth] = 0;
                    numAllBytes[depth] = true;
                    valCount[depth] = 0;
                    keyCount[depth] = 0;
                    members[depth] = 0;
                    if (vals[depth] != null) vals[depth].setLength(0);
                    if (keys[depth] != null) keys[depth].setLength(0);
                    return null;
                }
                case END_OBJECT:
                case END_ARRAY: {
                    ScanResult r = finishContainer();
                    if (r != null) {
                        return r;
                    }
                    depth--;
                    return afterValue();
                }
                case FIELD_NAME: {
                    char[] buf = p.getTextCharacters();
                    int off = p.getTextOffset();
                    int len = p.getTextLength();
                    RefusalReason reason = inspector.inspect(buf, off, len);
                    if (reason != null) {
                        return new ScanResult.Refused(containerPathPlus(FIELD_NAME_MARKER), reason);
                    }
                    key[depth] = safeKey(buf, off, len);
                    if (len <= SHORT_STRING && policy.concatChars() > 0) {
                        keys[depth] = append(keys[depth], buf, off, len);
                        keyCount[depth]++;
                        if (len <= BODY_CHUNK) {
                            append(bodyKeys, buf, off, len);
                            bodyKeyCount++;
                        }
                    }
                    return null;
                }
                case VALUE_STRING: {
                    noteNonNumber();
                    char[] buf = p.getTextCharacters();
                    int off = p.getTextOffset();
                    int len = p.getTextLength();
                    RefusalReason reason = inspector.inspect(buf, off, len);
                    if (reason != null) {
                        return new ScanResult.Refused(valuePath(), reason);
                    }
                    // chunk candidates: short strings, or strings without whitespace (prose sentences are not chunks)
                    if (depth > 0 && policy.concatChars() > 0
                        && (len <= CHUNK_WITH_SPACES || (len <= SHORT_STRING && !inspector.lastHadSpace()))) {
                        vals[depth] = append(vals[depth], buf, off, len);
                        valCount[depth]++;
                    }
                    return afterValue();
                }
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT: {
                    if (p.getTextLength() > policy.maxNumberChars()) {
                        return new ScanResult.Refused(valuePath(), RefusalReason.OPAQUE_ENCODED_RUN);
                    }
                    if (++totalNumbers >= policy.maxNumbersPerBody()) {
                        return new ScanResult.Refused(containerPath(), RefusalReason.BINARY_CONTENT);
                    }
                    if (depth > 0) {
                        int v = Integer.MAX_VALUE;
                        if (t == JsonToken.VALUE_NUMBER_INT) {
                            v = p.getTextLength() <= 4 ? p.getIntValue() : Integer.MAX_VALUE;
                        } else if (p.getTextLength() <= 12) {
                            double d = p.getDoubleValue();
                            if (d == Math.rint(d) && d >= -128 && d <= 255) {
                                v = (int) d;
                            }
                        }
                        if (t == JsonToken.VALUE_NUMBER_INT || v != Integer.MAX_VALUE) {
                            numCount[depth]++;
                            if (numCount[depth] >= policy.maxNumericMembers()) {
                                return new ScanResult.Refused(containerPath(), RefusalReason.BINARY_CONTENT);
                            }
                            if (v >= -128 && v <= 255) {
                                if (numBytes[depth] == null) {
                                    numBytes[depth] = new byte[MediaSignatures.PROBE];
                                }
                                if (numStored[depth] < MediaSignatures.PROBE) {
                                    numBytes[depth][numStored[depth]++] = (byte) v;
                                }
                            } else {
                                numAllBytes[depth] = false;
                            }
                        } else {
                            numAllBytes[depth] = false;
                        }
                    }
                    return afterValue();
                }
                case VALUE_TRUE:
                case VALUE_FALSE:
                case VALUE_NULL:
                case VALUE_EMBEDDED_OBJECT:
                    noteNonNumber();
                    return afterValue();
                default:
                    return new ScanResult.Malformed();
            }
        }

        private void noteNonNumber() {
            // non-number members do not reset the integer tracker: [255,"x",216,...] still forms a sequence
        }

        private ScanResult afterValue() {
            if (depth > 0) {
                if (isArray[depth]) {
                    index[depth]++;
                }
                if (++members[depth] >= policy.maxContainerMembers()) {
                    return new ScanResult.Refused(containerPath(), RefusalReason.BINARY_CONTENT);
                }
            }
            return null;
        }

        private ScanResult finishContainer() {
            int d = depth;
            int stored = numStored[d];
            if (stored >= 3) {
                byte[] b = numBytes[d];
                if (MediaSignatures.matches(b, 0, stored, MediaSignatures.DECODED)) {
                    return new ScanResult.Refused(containerPath(), RefusalReason.ENCODED_MEDIA);
                }
                for (int k = 1; k < stored - 2; k++) {
                    if (MediaSignatures.matches(b, k, stored - k, MediaSignatures.RAW_ANYWHERE)) {
                        return new ScanResult.Refused(containerPath(), RefusalReason.ENCODED_MEDIA);
                    }
                }
            }
            if (valCount[d] >= 2) {
                StringBuilder sb = vals[d];
                RefusalReason r = inspectBuilder(sb);
                if (r != null) {
                    return new ScanResult.Refused(containerPath(), r);
                }
            } else if (valCount[d] == 1 && vals[d].length() <= BODY_CHUNK) {
                // a lone short string in its container: one chunk per container is reassembled body-wide
                StringBuilder sb = vals[d];
                if (bodyVals.length() < policy.concatChars()) {
                    if (bodyVals.length() > 0) {
                        bodyVals.append('\n');
                    }
                    bodyVals.append(sb, 0, Math.min(sb.length(), policy.concatChars() - bodyVals.length()));
                }
                bodyValCount++;
            }
            if (keyCount[d] >= 2) {
                RefusalReason r = inspectBuilder(keys[d]);
                if (r != null) {
                    return new ScanResult.Refused(containerPathPlus(FIELD_NAME_MARKER), r);
                }
            }
            return null;
        }

        private RefusalReason inspectBuilder(StringBuilder sb) {
            int n = sb.length();
            char[] a = new char[n];
            sb.getChars(0, n, a, 0);
            return inspector.inspect(a, 0, n);
        }

        private StringBuilder append(StringBuilder sb, char[] buf, int off, int len) {
            if (sb == null) {
                sb = new StringBuilder(64);
            }
            int room = policy.concatChars() - sb.length();
            if (room <= 1) {
                return sb;
            }
            if (sb.length() > 0) {
                sb.append('\n');
                room--;
            }
            sb.append(buf, off, Math.min(len, room));
            return sb;
        }

        /** Path of the value currently being read. */
        private String valuePath() {
            if (depth == 0) {
                return "$";
            }
            return render(depth);
        }

        /** Path of the innermost open container. */
        private String containerPath() {
            if (depth <= 1) {
                return "$";
            }
            return render(depth - 1);
        }

        private String containerPathPlus(String marker) {
            if (depth <= 1) {
                return marker;
            }
            return render(depth - 1) + "." + marker;
        }

        private String render(int upTo) {
            StringBuilder sb = new StringBuilder(32);
            for (int f = 1; f <= upTo; f++) {
                if (isArray[f]) {
                    sb.append('[').append(index[f]).append(']');
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(key[f] == null ? FIELD_NAME_MARKER : key[f]);
                }
            }
            return sb.length() == 0 ? "$" : sb.toString();
        }

        /** Only plain identifiers are ever echoed in a path. */
        private static String safeKey(char[] buf, int off, int len) {
            if (len == 0 || len > 64) {
                return FIELD_NAME_MARKER;
            }
            for (int k = 0; k < len; k++) {
                char ch = buf[off + k];
                boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$'
                    || (k > 0 && ((ch >= '0' && ch <= '9') || ch == '-'));
                if (!ok) {
                    return FIELD_NAME_MARKER;
                }
            }
            return new String(buf, off, len);
        }
    }
}

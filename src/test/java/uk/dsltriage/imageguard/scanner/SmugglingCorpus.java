package uk.dsltriage.imageguard.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Generated (never committed as files) smuggling samples: a minimal but structurally valid file header of many
 * formats, plus a payload embedding a unique ASCII canary, encoded many ways, placed many ways.
 *
 * <p>Public test fixture: the HTTP-level tests reuse it. Typical use:
 * <pre>{@code
 * for (SmugglingCorpus.Sample s : SmugglingCorpus.samples())
 *     for (SmugglingCorpus.Placement p : s.placements())
 *         post(SmugglingCorpus.body(s, p)) -> expect 422 naming SmugglingCorpus.expectedPath(p),
 *         then grep storage/logs for s.canary() and every s.fragments() entry: none may appear.
 * }</pre>
 */
public final class SmugglingCorpus {

    /**
     * @param name      stable descriptive name, e.g. {@code jpeg/base64-std-padded}
     * @param jsonValue a JSON value to embed: a string literal including quotes, or an array/object
     * @param canary    unique ASCII marker inside the smuggled payload
     * @param fragments distinctive substrings of the encoded form, to search for after a run
     */
    public record Sample(String name, String jsonValue, String canary, List<String> fragments) {
        /** True when {@link #jsonValue()} is a JSON string (so it can also be a field name or sit in a sentence). */
        public boolean isString() {
            return jsonValue.startsWith("\"");
        }

        public List<Placement> placements() {
            if (isString()) {
                return List.of(Placement.values());
            }
            List<Placement> out = new ArrayList<>();
            for (Placement p : Placement.values()) {
                if (p != Placement.FIELD_NAME && p != Placement.IN_SENTENCE) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    /** Where the sample goes in the request body. */
    public enum Placement { ROOT, TOP_LEVEL, NESTED_OBJECT, ARRAY_ELEMENT, DEEP_NESTING, FIELD_NAME, IN_SENTENCE }

    private static final int DEEP = 20;
    private static final long DEFAULT_SEED = 0x5AFE_2026L;

    private SmugglingCorpus() {}

    /** Full JSON body with the sample at the given placement. */
    public static String body(Sample s, Placement p) {
        switch (p) {
            case ROOT:
                return s.jsonValue();
            case TOP_LEVEL:
                return "{\"incidentType\":\"NUDE_IMAGE_SHARING\",\"account\":" + s.jsonValue() + ",\"imagesInvolved\":true}";
            case NESTED_OBJECT:
                return "{\"incident\":{\"facts\":{\"imagesInvolved\":true,\"notes\":" + s.jsonValue() + "}},\"x\":1}";
            case ARRAY_ELEMENT:
                return "{\"participants\":[{\"ref\":\"P-1\",\"role\":\"CHILD\"},{\"role\":\"CHILD\",\"ref\":"
                    + s.jsonValue() + "}]}";
            case DEEP_NESTING: {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < DEEP; i++) {
                    sb.append("{\"a\":");
                }
                sb.append("{\"evidence\":[null,").append(s.jsonValue()).append("]}");
                sb.append("}".repeat(DEEP));
                return sb.toString();
            }
            case FIELD_NAME:
                return "{\"participants\":[{\"ref\":\"P-1\"," + s.jsonValue() + ":true}]}";
            case IN_SENTENCE: {
                String inner = s.jsonValue().substring(1, s.jsonValue().length() - 1);
                return "{\"account\":\"On Tuesday 3 March 2026 at 10:15 a Year 9 pupil showed me this on her phone: "
                    + inner + " and then she said it had been shared in a group chat. I did not look further.\"}";
            }
            default:
                throw new IllegalArgumentException();
        }
    }

    public static byte[] bodyBytes(Sample s, Placement p) {
        return body(s, p).getBytes(StandardCharsets.UTF_8);
    }

    /** The field path the scanner must report for the placement. */
    public static String expectedPath(Placement p) {
        switch (p) {
            case ROOT: return "$";
            case TOP_LEVEL: return "account";
            case NESTED_OBJECT: return "incident.facts.notes";
            case ARRAY_ELEMENT: return "participants[1].ref";
            case DEEP_NESTING: return "a.".repeat(DEEP) + "evidence[1]";
            case FIELD_NAME: return "participants[0]." + ImageContentScanner.FIELD_NAME_MARKER;
            case IN_SENTENCE: return "account";
            default: throw new IllegalArgumentException();
        }
    }

    /**
     * True if {@code actualPath} is an acceptable report for the sample at the placement: exactly
     * {@link #expectedPath(Placement)}, or, for array/object samples, one of their elements (a single chunk
     * of a chunked payload may already be refused on its own, e.g. {@code account[0]}).
     */
    public static boolean pathMatches(Sample s, Placement p, String actualPath) {
        String expected = expectedPath(p);
        if (expected.equals(actualPath)) {
            return true;
        }
        if (s.isString()) {
            return false;
        }
        String prefix = "$".equals(expected) ? "" : expected;
        return actualPath.startsWith(prefix + "[") || actualPath.startsWith(prefix + ".");
    }

    public static List<Sample> samples() {
        return samples(DEFAULT_SEED);
    }

    // ============================================================================================ formats

    /** A file format: builds a minimal header + payload carrying the canary. */
    interface Format {
        byte[] build(String canary);
    }

    record NamedFormat(String name, Format f) {}

    static List<NamedFormat> formats() {
        List<NamedFormat> f = new ArrayList<>();
        f.add(new NamedFormat("jpeg", SmugglingCorpus::jpeg));
        f.add(new NamedFormat("png", SmugglingCorpus::png));
        f.add(new NamedFormat("gif", c -> cat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF),
            bytes(0x21, 0xFE, c.length()), ascii(c), bytes(0), bytes(0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B))));
        f.add(new NamedFormat("webp", c -> riff("WEBP", cat(ascii("VP8L"), le32(5), bytes(0x2F, 0, 0, 0, 0), bytes(0),
            ascii("XMP "), le32(c.length()), ascii(c)))));
        f.add(new NamedFormat("bmp", c -> {
            byte[] pix = cat(bytes(0, 0, 0xFF, 0), ascii(c));
            return cat(ascii("BM"), le32(26 + pix.length), bytes(0, 0, 0, 0), le32(26),
                le32(12), le16(1), le16(1), le16(1), le16(24), pix);
        }));
        f.add(new NamedFormat("tiff-le", c -> cat(ascii("II"), bytes(42, 0), le32(8), le16(1),
            le16(270), le16(2), le32(c.length()), le32(26), le32(0), ascii(c))));
        f.add(new NamedFormat("tiff-be", c -> cat(ascii("MM"), bytes(0, 42), bytes(0, 0, 0, 8), ascii(c))));
        f.add(new NamedFormat("heic", c -> isobmff("heic", "mif1heic", c)));
        f.add(new NamedFormat("avif", c -> isobmff("avif", "mif1avif", c)));
        f.add(new NamedFormat("mp4", c -> isobmff("isom", "isomiso2mp41", c)));
        f.add(new NamedFormat("mov", c -> isobmff("qt  ", "qt  ", c)));
        f.add(new NamedFormat("webm", c -> ebml("webm", c)));
        f.add(new NamedFormat("mkv", c -> ebml("matroska", c)));
        f.add(new NamedFormat("pdf", c -> ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Title (" + c
            + ") >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")));
        f.add(new NamedFormat("zip", c -> {
            byte[] name = ascii("note.txt");
            byte[] data = ascii(c);
            CRC32 crc = new CRC32();
            crc.update(data);
            return cat(bytes(0x50, 0x4B, 3, 4), le16(10), le16(0), le16(0), le16(0), le16(0), le32((int) crc.getValue()),
                le32(data.length), le32(data.length), le16(name.length), le16(0), name, data);
        }));
        f.add(new NamedFormat("gzip", c -> {
            try {
                ByteArrayOutputStream bo = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
                    gz.write(ascii(c));
                }
                return bo.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        f.add(new NamedFormat("7z", c -> cat(bytes(0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4), new byte[24], ascii(c))));
        f.add(new NamedFormat("rar", c -> cat(bytes(0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00), ascii(c))));
        f.add(new NamedFormat("avi", c -> riff("AVI ", cat(ascii("LIST"), le32(4 + c.length()), ascii("hdrl"), ascii(c)))));
        f.add(new NamedFormat("ico", c -> cat(bytes(0, 0, 1, 0, 1, 0), bytes(1, 1, 0, 0, 1, 0, 32, 0), le32(40 + c.length()),
            le32(22), ascii(c))));
        f.add(new NamedFormat("jp2", c -> cat(bytes(0, 0, 0, 0x0C), ascii("jP  "), bytes(0x0D, 0x0A, 0x87, 0x0A),
            bytes(0, 0, 0, 0x14), ascii("ftypjp2 "), bytes(0, 0, 0, 0), ascii("jp2 "), ascii(c))));
        f.add(new NamedFormat("psd", c -> cat(ascii("8BPS"), bytes(0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 8, 0, 3),
            ascii(c))));
        f.add(new NamedFormat("ogg", c -> cat(ascii("OggS"), bytes(0, 2), new byte[20], ascii(c))));
        f.add(new NamedFormat("flv", c -> cat(ascii("FLV"), bytes(1, 5, 0, 0, 0, 9), ascii(c))));
        f.add(new NamedFormat("doc-ole2", c -> cat(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[16], ascii(c))));
        f.add(new NamedFormat("bzip2", c -> cat(ascii("BZh91AY&SY"), bytes(0x12, 0x34, 0x56, 0x78), ascii(c))));
        f.add(new NamedFormat("svg", c -> ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><desc>"
            + c + "</desc></svg>")));
        f.add(new NamedFormat("jpeg-xl-box", c -> cat(bytes(0, 0, 0, 0x0C), ascii("JXL "), bytes(0x0D, 0x0A, 0x87, 0x0A), ascii(c))));
        f.add(new NamedFormat("mpeg-ps", c -> cat(bytes(0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1), ascii(c))));
        return f;
    }

    // ============================================================================================ encodings

    enum Enc {
        B64_STD_PADDED, B64_STD_UNPADDED, B64_URL_PADDED, B64_URL_UNPADDED, B64_MIME_76_CRLF, B64_WRAP_76_LF,
        B64_PEM_64, B64_SPACE_GROUPS_4, B64_TABS_8, HEX_LOWER, HEX_UPPER, HEX_SPACES, HEX_COLONS, HEX_0X_COMMA,
        HEX_BACKSLASH_X, DATA_URI_JPEG, DATA_URI_PARAMS, DATA_URI_OCTET, DATA_URI_UPPER, DATA_URI_NO_TYPE,
        DATA_URI_PERCENT, PERCENT, PERCENT_OF_B64, NESTED_B64_2, NESTED_B64_3, HEX_OF_B64, B64_OF_HEX, BYTE_ARRAY,
        SIGNED_BYTE_ARRAY, UINT8_OBJECT, HEX_STRING_ARRAY, B64_CHUNK_ARRAY, LATIN1_ESCAPED, LATIN1_LITERAL,
        DECIMAL_STRING, QUOTED_PRINTABLE, HTML_ENTITIES, DOUBLE_ESCAPED_U, B64_LABELLED
    }

    private static List<Sample> samples(long seed) {
        Random rnd = new Random(seed);
        List<NamedFormat> formats = formats();
        Enc[] encs = Enc.values();
        List<Sample> out = new ArrayList<>();
        int n = 0;
        // every format in three encodings, rotating so every encoding is used for several formats
        for (int fi = 0; fi < formats.size(); fi++) {
            for (int k = 0; k < 3; k++) {
                Enc e = encs[(fi * 3 + k) % encs.length];
                NamedFormat nf = formats.get(fi);
                String canary = canary(++n, rnd);
                out.add(encode(nf.name(), nf.f().build(canary), e, canary));
            }
        }
        // the two most common formats in every encoding
        for (Enc e : encs) {
            for (NamedFormat nf : List.of(formats.get(0), formats.get(1))) {
                String canary = canary(++n, rnd);
                out.add(encode(nf.name() + "+all", nf.f().build(canary), e, canary));
            }
        }
        // text-level smuggling that is not a file encoding
        out.addAll(textual(rnd, n));
        return List.copyOf(out);
    }

    private static List<Sample> textual(Random rnd, int n) {
        List<Sample> out = new ArrayList<>();
        String c;
        c = canary(++n, rnd);
        out.add(str("data-uri/text-plain", "data:text/plain;charset=utf-8," + c, c));
        c = canary(++n, rnd);
        out.add(str("data-uri/video-mp4-short", "data:video/mp4;base64,AAAAGGZ0eXBtcDQy" + b64(ascii(c)), c));
        c = canary(++n, rnd);
        out.add(str("markup/html-img", "<img src=\"x.jpg\" alt=\"" + c + "\">", c));
        c = canary(++n, rnd);
        out.add(str("markup/svg-raw", "<svg viewBox=\"0 0 1 1\"><text>" + c + "</text></svg>", c));
        c = canary(++n, rnd);
        out.add(str("markup/entity-escaped-svg", "&lt;svg&gt;&lt;desc&gt;" + c + "&lt;/desc&gt;&lt;/svg&gt;", c));
        c = canary(++n, rnd);
        out.add(str("url/https", "https://example.com/p/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/www", "www.example.org/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/bare-domain-path", "snapchat.com/add/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/defanged", "hxxps[:]//bad[.]example/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/shortener", "bit.ly/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/ipv4-port", "192.0.2.10:8080/" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/fullwidth", "https\uFF1A\uFF0F\uFF0Fexample\uFF0Ecom\uFF0F" + c, c));
        c = canary(++n, rnd);
        out.add(str("url/base64-of-url", b64(ascii("https://example.com/" + c)), c));
        c = canary(++n, rnd);
        // headerless (e.g. encrypted) bytes: refused as an opaque run whatever they decode to
        byte[] noise = new byte[600];
        rnd.nextBytes(noise);
        byte[] cb = ascii(c);
        System.arraycopy(cb, 0, noise, 100, cb.length);
        out.add(str("opaque/headerless-600-bytes-base64", b64(noise), c));
        c = canary(++n, rnd);
        out.add(str("opaque/headerless-hex", HexFormat.of().formatHex(noise, 0, 200) + HexFormat.of().formatHex(ascii(c)), c));
        c = canary(++n, rnd);
        out.add(str("opaque/headerless-base64-wrapped-in-words", groups(b64(noise), 6, " "), c));
        c = canary(++n, rnd);
        out.add(str("opaque/decimal-digits", new java.math.BigInteger(1, noise).toString(), c));
        c = canary(++n, rnd);
        out.add(str("binary/control-chars", "\u0001\u0002\u0003\u0004\u0005" + c, c));
        return out;
    }

    private static Sample str(String name, String content, String canary) {
        String json = quote(content, true);
        return new Sample(name, json, canary, fragmentsOf(json, content, canary));
    }

    private static Sample encode(String format, byte[] file, Enc e, String canary) {
        String name = format + "/" + e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String s;
        switch (e) {
            case B64_STD_PADDED: s = b64(file); break;
            case B64_STD_UNPADDED: s = Base64.getEncoder().withoutPadding().encodeToString(file); break;
            case B64_URL_PADDED: s = Base64.getUrlEncoder().encodeToString(file); break;
            case B64_URL_UNPADDED: s = Base64.getUrlEncoder().withoutPadding().encodeToString(file); break;
            case B64_MIME_76_CRLF: s = groups(b64(file), 76, "\r\n"); break;
            case B64_WRAP_76_LF: s = groups(b64(file), 76, "\n"); break;
            case B64_PEM_64: s = "-----BEGIN DATA-----\n" + groups(b64(file), 64, "\n") + "\n-----END DATA-----"; break;
            case B64_SPACE_GROUPS_4: s = groups(b64(file), 4, " "); break;
            case B64_TABS_8: s = groups(b64(file), 8, "\t"); break;
            case HEX_LOWER: s = HexFormat.of().formatHex(file); break;
            case HEX_UPPER: s = HexFormat.of().withUpperCase().formatHex(file); break;
            case HEX_SPACES: s = HexFormat.ofDelimiter(" ").formatHex(file); break;
            case HEX_COLONS: s = HexFormat.ofDelimiter(":").withUpperCase().formatHex(file); break;
            case HEX_0X_COMMA: s = HexFormat.ofDelimiter(", ").withPrefix("0x").formatHex(file); break;
            case HEX_BACKSLASH_X: s = HexFormat.ofDelimiter("").withPrefix("\\x").formatHex(file); break;
            case DATA_URI_JPEG: s = "data:image/jpeg;base64," + b64(file); break;
            case DATA_URI_PARAMS: s = "data:image/png;name=photo.png;charset=binary;base64," + b64(file); break;
            case DATA_URI_OCTET: s = "data:application/octet-stream;base64," + b64(file); break;
            case DATA_URI_UPPER: s = "DATA:IMAGE/HEIC;BASE64," + b64(file); break;
            case DATA_URI_NO_TYPE: s = "data:;base64," + b64(file); break;
            case DATA_URI_PERCENT: s = "data:image/svg+xml," + percent(file); break;
            case PERCENT: s = percent(file); break;
            case PERCENT_OF_B64: s = percentAll(ascii(b64(file))); break;
            case NESTED_B64_2: s = b64(ascii(b64(file))); break;
            case NESTED_B64_3: s = b64(ascii(b64(ascii(b64(file))))); break;
            case HEX_OF_B64: s = HexFormat.of().formatHex(ascii(b64(file))); break;
            case B64_OF_HEX: s = b64(ascii(HexFormat.of().formatHex(file))); break;
            case BYTE_ARRAY: return array(name, file, false, canary);
            case SIGNED_BYTE_ARRAY: return array(name, file, true, canary);
            case UINT8_OBJECT: {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < file.length; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(i).append("\":").append(file[i] & 0xFF);
                }
                String json = sb.append('}').toString();
                return new Sample(name, json, canary, tailOf(json));
            }
            case HEX_STRING_ARRAY: {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < file.length; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(HexFormat.of().toHexDigits(file[i])).append('"');
                }
                String json = sb.append(']').toString();
                return new Sample(name, json, canary, tailOf(json));
            }
            case B64_CHUNK_ARRAY: {
                String b = b64(file);
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < b.length(); i += 8) {
                    sb.append(i == 0 ? "" : ",").append(quote(b.substring(i, Math.min(b.length(), i + 8)), true));
                }
                String json = sb.append(']').toString();
                return new Sample(name, json, canary, tailOf(json));
            }
            case LATIN1_ESCAPED: {
                String content = new String(file, StandardCharsets.ISO_8859_1);
                String json = quote(content, true);
                return new Sample(name, json, canary, fragmentsOf(json, content, canary));
            }
            case LATIN1_LITERAL: {
                String content = new String(file, StandardCharsets.ISO_8859_1);
                String json = quote(content, false);
                return new Sample(name, json, canary, fragmentsOf(json, content, canary));
            }
            case DECIMAL_STRING: {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < file.length; i++) {
                    sb.append(i == 0 ? "" : " ").append(file[i] & 0xFF);
                }
                s = sb.toString();
                break;
            }
            case QUOTED_PRINTABLE: s = quotedPrintable(file); break;
            case HTML_ENTITIES: {
                StringBuilder sb = new StringBuilder();
                for (byte b : file) {
                    sb.append("&#").append(b & 0xFF).append(';');
                }
                s = sb.toString();
                break;
            }
            case DOUBLE_ESCAPED_U: {
                StringBuilder sb = new StringBuilder();
                for (byte b : file) {
                    sb.append(String.format("\\u%04x", b & 0xFF));
                }
                s = sb.toString();
                break;
            }
            case B64_LABELLED: s = "image=" + b64(file); break;
            default: throw new IllegalArgumentException(e.name());
        }
        return str(name, s, canary);
    }

    private static Sample array(String name, byte[] file, boolean signed, String canary) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < file.length; i++) {
            sb.append(i == 0 ? "" : ",").append(signed ? file[i] : file[i] & 0xFF);
        }
        String json = sb.append(']').toString();
        return new Sample(name, json, canary, tailOf(json));
    }

    /**
     * Distinctive fragments: the canary when it appears literally, plus pieces of the encoded form taken from the
     * middle and the end (never the generic prefix such as {@code data:image/png;base64,}).
     */
    private static List<String> fragmentsOf(String json, String content, String canary) {
        List<String> f = new ArrayList<>();
        if (content.contains(canary)) {
            f.add(canary);
        }
        String inner = json.substring(1, json.length() - 1);
        if (inner.length() >= 48) {
            int mid = inner.length() / 2;
            f.add(inner.substring(mid, mid + 24));
            f.add(inner.substring(inner.length() - 24));
        } else if (f.isEmpty()) {
            f.add(inner);
        }
        return List.copyOf(f);
    }

    private static List<String> tailOf(String json) {
        return List.of(json.substring(Math.max(0, json.length() - 41), json.length() - 1));
    }

    // ============================================================================================ helpers

    static String canary(int n, Random rnd) {
        return String.format("CANARY-%d-%08x", n, rnd.nextInt());
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String groups(String s, int size, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(s, i, Math.min(s.length(), i + size));
        }
        return sb.toString();
    }

    static String percent(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '-' || v == '.' || v == '_') {
                sb.append((char) v);
            } else {
                sb.append('%').append(String.format("%02X", v));
            }
        }
        return sb.toString();
    }

    static String percentAll(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xFF;
            if (v == '/' || v == '+' || v == '=') {
                sb.append('%').append(String.format("%02X", v));
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    static String quotedPrintable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xFF;
            if (v >= 33 && v <= 126 && v != '=') {
                sb.append((char) v);
            } else {
                sb.append('=').append(String.format("%02X", v));
            }
        }
        return sb.toString();
    }

    /** JSON string literal. {@code asciiOnly} escapes every non-ASCII character as {@code \\uXXXX}. */
    public static String quote(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch < 0x20 || (asciiOnly && ch > 0x7E)) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            bo.writeBytes(p);
        }
        return bo.toByteArray();
    }

    static byte[] le16(int v) {
        return bytes(v & 0xFF, (v >> 8) & 0xFF);
    }

    static byte[] le32(int v) {
        return bytes(v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >>> 24) & 0xFF);
    }

    static byte[] be32(int v) {
        return bytes((v >>> 24) & 0xFF, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    static byte[] jpeg(String c) {
        byte[] com = ascii(c);
        return cat(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16), ascii("JFIF"), bytes(0, 1, 1, 0, 0, 1, 0, 1, 0, 0),
            bytes(0xFF, 0xFE), bytes(0, com.length + 2), com, bytes(0xFF, 0xD9));
    }

    static byte[] png(String c) {
        byte[] ihdr = cat(be32(1), be32(1), bytes(8, 2, 0, 0, 0));
        byte[] text = cat(ascii("Comment"), bytes(0), ascii(c));
        return cat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), chunk("IHDR", ihdr), chunk("tEXt", text),
            chunk("IEND", new byte[0]));
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return cat(be32(data.length), ascii(type), data, be32((int) crc.getValue()));
    }

    static byte[] riff(String fourcc, byte[] body) {
        return cat(ascii("RIFF"), le32(4 + body.length), ascii(fourcc), body);
    }

    static byte[] isobmff(String brand, String compat, String c) {
        byte[] ftypBody = cat(ascii(brand), bytes(0, 0, 0, 0), ascii(compat));
        byte[] free = cat(be32(8 + c.length()), ascii("free"), ascii(c));
        return cat(be32(8 + ftypBody.length), ascii("ftyp"), ftypBody, free);
    }

    static byte[] ebml(String docType, String c) {
        byte[] dt = ascii(docType);
        byte[] hdr = cat(bytes(0x42, 0x82, 0x80 | dt.length), dt);
        return cat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x80 | hdr.length), hdr, bytes(0xEC, 0x80 | Math.min(c.length(), 127)), ascii(c));
    }
}

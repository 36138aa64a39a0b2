package uk.dsltriage.imageguard.scanner;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Real small image and video files (JPEG, PNG, GIF written by {@code javax.imageio}; a valid 1x1 lossless WebP; an
 * MP4 {@code ftyp}+{@code moov} header), each encoded and disguised with separators and groupings: filler every few
 * characters (space, U+200B, U+00B7, an accented letter, line breaks, punctuation), grouped hex, base32, decimal
 * and octal byte lists, percent-encoding and ascii85.
 */
public final class DisguisedImages {

    /** One disguised file: {@code text} is what a caller would paste into a string field. */
    public record Disguise(String name, String text) {
    }

    private DisguisedImages() {
    }

    public static List<Disguise> all() {
        List<Disguise> all = new ArrayList<>();
        for (var file : files().entrySet()) {
            byte[] bytes = file.getValue();
            String name = file.getKey();
            String b64 = Base64.getEncoder().encodeToString(bytes);
            String b64url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            add(all, name, "base64, a space every 3", every(b64, 3, " "));
            add(all, name, "base64, U+200B every 3", every(b64, 3, "\u200B"));
            add(all, name, "base64, U+00B7 every 3", every(b64, 3, "\u00B7"));
            add(all, name, "base64, an accented letter every 3", every(b64, 3, "\u00e9"));
            add(all, name, "base64, a line break every 4", every(b64, 4, "\r\n"));
            add(all, name, "base64, a dot every 2", every(b64, 2, "."));
            add(all, name, "base64url, comma-space every 5", every(b64url, 5, ", "));
            add(all, name, "hex pairs, spaces", every(hex, 2, " "));
            add(all, name, "upper hex, U+200B every 3", every(hex.toUpperCase(Locale.ROOT), 3, "\u200B"));
            add(all, name, "0x hex list", join(bytes, b -> String.format("0x%02x", b & 0xFF), ", "));
            add(all, name, "base32 in groups of 4", every(base32(bytes), 4, " "));
            add(all, name, "decimal bytes, middle dots", join(bytes, b -> Integer.toString(b & 0xFF), "\u00B7"));
            add(all, name, "octal escapes", join(bytes, b -> "\\" + Integer.toOctalString(b & 0xFF), ""));
            add(all, name, "percent-encoding, spaced", join(bytes, b -> String.format("%%%02X", b & 0xFF), " "));
            if (bytes.length > 200) {
                add(all, name, "ascii85 in lines of 20", every(ascii85(bytes), 20, "\n"));
                add(all, name, "base64, a Welsh letter every 7", every(b64, 7, "\u0175"));
            }
        }
        return all;
    }

    private static void add(List<Disguise> all, String file, String how, String text) {
        all.add(new Disguise(file + ": " + how, text));
    }

    static java.util.Map<String, byte[]> files() {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("JPEG 8x8", write(randomImage(8, 8, 1), "jpg"));
        files.put("PNG 6x6", write(randomImage(6, 6, 2), "png"));
        files.put("GIF 5x5", write(randomImage(5, 5, 3), "gif"));
        files.put("WebP 1x1", Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
        files.put("MP4 header", mp4Header());
        return files;
    }

    private static BufferedImage randomImage(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] mp4Header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0x18});
        out.writeBytes("ftypmp42".getBytes());
        out.writeBytes(new byte[] {0, 0, 0, 0});
        out.writeBytes("mp42isom".getBytes());
        out.writeBytes(new byte[] {0, 0, 0, 0x08});
        out.writeBytes("moov".getBytes());
        return out.toByteArray();
    }

    static String every(String s, int size, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(s, i, Math.min(s.length(), i + size));
        }
        return out.toString();
    }

    private static String join(byte[] bytes, Function<Byte, String> each, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(each.apply(bytes[i]));
        }
        return out.toString();
    }

    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static String ascii85(byte[] bytes) {
        StringBuilder out = new StringBuilder("<~");
        for (int i = 0; i < bytes.length; i += 4) {
            long value = 0;
            int n = Math.min(4, bytes.length - i);
            for (int k = 0; k < 4; k++) {
                value = (value << 8) | (k < n ? bytes[i + k] & 0xFF : 0);
            }
            char[] group = new char[5];
            for (int k = 4; k >= 0; k--) {
                group[k] = (char) ('!' + value % 85);
                value /= 85;
            }
            out.append(group, 0, n + 1);
        }
        return out.append("~>").toString();
    }
}

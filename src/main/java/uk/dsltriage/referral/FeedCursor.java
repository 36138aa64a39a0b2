package uk.dsltriage.referral;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** An opaque feed cursor: the last feed position the client has seen. Clients must not build or parse it. */
public final class FeedCursor {

    private static final String PREFIX = "v1:";
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    private FeedCursor() {
    }

    public static String of(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor stands for: 0 (the beginning) for none, empty when it is not a cursor of ours. */
    public static Optional<Long> parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.of(0L);
        }
        if (cursor.length() > 64) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!text.startsWith(PREFIX) || !POSITION.matcher(text.substring(PREFIX.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
    }
}

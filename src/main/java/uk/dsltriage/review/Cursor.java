package uk.dsltriage.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import uk.dsltriage.common.problem.ProblemException;

/** An opaque keyset position: a rank, a time and an id. Tampered or foreign cursors are a 400, never a 500. */
public record Cursor(int rank, Instant at, UUID id) {

    public String encode() {
        String raw = rank + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Integer.parseInt(parts[0]),
                    Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2])), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ProblemException.invalid("cursor", "not a cursor this service issued");
        }
    }
}

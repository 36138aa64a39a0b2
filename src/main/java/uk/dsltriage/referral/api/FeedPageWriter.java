package uk.dsltriage.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import uk.dsltriage.referral.FeedItem;
import uk.dsltriage.referral.FeedPage;

/**
 * Writes a feed page: the JSON of {@link FeedPageView} of {@link ReferralDocument}s as the API's mapper writes it,
 * byte for byte (the contract's schema stays theirs; {@code FeedWireTest} compares), as bytes put one after another
 * instead of mapping every item through records and reflection again. The bytes kept for an item are copied as they
 * are: the child as the API wrote it (opened as one value) and the form as the text stored when the referral was sent.
 * An item's own fields are identifiers, codes and times: plain ASCII that JSON does not escape, put as it is; anything
 * else (and a form without kept text) is written by the API's mapper. Against Jackson's generator for every field and
 * a second copy of the page, this saved ~5 ms of the executor's ~65 ms of CPU a 10,000-referral drain
 * (bench/referral-feed/RESULTS.md, stop 29).
 */
final class FeedPageWriter {

    /** Each item's own fields and punctuation, beside its child and form: enough that the buffer rarely grows. */
    private static final int ITEM_FIELDS = 400;

    private FeedPageWriter() {
    }

    /**
     * The page to a response: its first byte, flushed at once, sends the status line and the headers (the ETag and, on
     * a full page, the Link to the next one) before the children are opened and the JSON written, so that a client
     * following the Link has its next page served while this one is written (bench/referral-feed/RESULTS.md, stop
     * 27); the rest goes in one write (to the event loop in writes of {@code quarkus.rest.output-buffer-size}).
     * Everything that reads the database or needs a key has been done before ({@code LocalAuthorityReferrals.feed});
     * if a child does not open here (a damaged record), the response ends before the page does (the connection is
     * closed, or the problem's JSON follows the first byte), which no client can take for a page.
     */
    static void write(FeedPage page, ObjectMapper mapper, OutputStream out) throws IOException {
        out.write('{');
        out.flush();
        Utf8 json = utf8(page.open(), page.nextCursor(), mapper);
        out.write(json.bytes, 1, json.length - 1);
    }

    private static Utf8 utf8(List<FeedItem> items, String nextCursor, ObjectMapper mapper) {
        int estimate = 64;
        for (FeedItem item : items) {
            estimate += ITEM_FIELDS + item.childJson().length + (item.formJson() == null ? 2048 : item.formJson().length);
        }
        Utf8 json = new Utf8(estimate, mapper);
        json.ascii("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                json.put(',');
            }
            write(items.get(i), json);
        }
        return json.ascii("],\"nextCursor\":").string(nextCursor).put('}');
    }

    /** {@link ReferralDocument}'s fields, in its order; none of them is ever null in a stored referral. */
    private static void write(FeedItem item, Utf8 json) {
        json.ascii("{\"id\":").string(item.id().toString())
                .ascii(",\"kind\":").string(item.kind().name())
                .ascii(",\"laCode\":").string(item.laCode())
                .ascii(",\"schoolUrn\":").string(item.schoolUrn())
                .ascii(",\"sentAt\":").instant(item.sentAt())
                .ascii(",\"urgency\":").string(item.urgency().name())
                .ascii(",\"acknowledgementDueBy\":").instant(item.acknowledgementDueBy())
                .ascii(",\"child\":").raw(item.childJson())
                .ascii(",\"form\":").raw(item.formJson() != null ? item.formJson() : json.mapped(ReferralForm.of(item.form())))
                .put('}');
    }

    /** UTF-8 JSON put together in one array, written from it without another copy. */
    static final class Utf8 {
        private final ObjectMapper mapper;
        private byte[] bytes;
        private int length;

        Utf8(int capacity, ObjectMapper mapper) {
            this.bytes = new byte[capacity];
            this.mapper = mapper;
        }

        Utf8 put(char ascii) {
            room(1);
            bytes[length++] = (byte) ascii;
            return this;
        }

        /** Text known to be ASCII: the page's own punctuation and field names. */
        Utf8 ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        Utf8 raw(byte[] utf8) {
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        /** A JSON string: put as it is when nothing in it needs escaping or encoding, else as the mapper writes it. */
        Utf8 string(String value) {
            int start = length;
            room(value.length() + 2);
            bytes[length++] = '"';
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    length = start;
                    return raw(mapped(value));
                }
                bytes[length++] = (byte) c;
            }
            bytes[length++] = '"';
            return this;
        }

        Utf8 instant(Instant instant) {
            room(IsoInstant.MAX_LENGTH + 2);
            int end = IsoInstant.write(instant, bytes, length + 1);
            if (end < 0) {
                return string(instant.toString());
            }
            bytes[length] = '"';
            bytes[end] = '"';
            length = end + 1;
            return this;
        }

        byte[] mapped(Object value) {
            try {
                return mapper.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("feed page not writable", e);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}

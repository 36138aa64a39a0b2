package uk.dsltriage.referral.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import uk.dsltriage.referral.FeedItem;
import uk.dsltriage.referral.FeedPage;

/**
 * Writes a feed page: the JSON of {@link FeedPageView} of {@link ReferralDocument}s as the API's mapper writes it,
 * byte for byte (the contract's schema stays theirs; {@code FeedWireTest} compares), streamed field by field through
 * the mapper's own UTF-8 generator instead of mapping every item through records and reflection again. The bytes kept
 * for an item are copied as they are: the child as the API wrote it (opened as one value) and the form as the text
 * stored when the referral was sent (a form without kept text is written by the mapper, as before).
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
        byte[] json = utf8(page.open(), page.nextCursor(), mapper);
        out.write(json, 1, json.length - 1);
    }

    private static byte[] utf8(List<FeedItem> items, String nextCursor, ObjectMapper mapper) {
        int estimate = 64;
        for (FeedItem item : items) {
            estimate += ITEM_FIELDS + item.childJson().length + (item.formJson() == null ? 2048 : item.formJson().length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try (JsonGenerator json = mapper.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (FeedItem item : items) {
                write(item, json);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("feed page not writable", e);
        }
        return out.toByteArray();
    }

    /** {@link ReferralDocument}'s fields, in its order; none of them is ever null in a stored referral. */
    private static void write(FeedItem item, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", item.id().toString());
        json.writeStringField("kind", item.kind().name());
        json.writeStringField("laCode", item.laCode());
        json.writeStringField("schoolUrn", item.schoolUrn());
        json.writeStringField("sentAt", IsoInstant.format(item.sentAt()));
        json.writeStringField("urgency", item.urgency().name());
        json.writeStringField("acknowledgementDueBy", IsoInstant.format(item.acknowledgementDueBy()));
        json.writeFieldName("child");
        json.writeRawValue(new JsonBytes(item.childJson()));
        json.writeFieldName("form");
        if (item.formJson() != null) {
            json.writeRawValue(new JsonBytes(item.formJson()));
        } else {
            json.writeObject(ReferralForm.of(item.form()));
        }
        json.writeEndObject();
    }
}

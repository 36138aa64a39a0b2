package uk.dsltriage.referral.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    static byte[] utf8(FeedPage page, ObjectMapper mapper) {
        int estimate = 64;
        for (FeedItem item : page.items()) {
            estimate += ITEM_FIELDS + item.childJson().length + (item.formJson() == null ? 2048 : item.formJson().length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try (JsonGenerator json = mapper.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (FeedItem item : page.items()) {
                write(item, json);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", page.nextCursor());
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

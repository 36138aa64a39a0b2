package uk.dsltriage.referral.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.quarkus.vertx.utils.NoBoundChecksBuffer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.VertxByteBufAllocator;
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
 *
 * <p>The page is written once, into the pooled direct buffer the response sends (Quarkus REST ends the response with
 * a Vert.x {@link Buffer} as it is, and Netty releases it once written): written to a byte array, the page (about 3 MB
 * at 1000 items) was copied by {@code toByteArray} and again into such a buffer, each copy a fresh humongous array
 * (bench/referral-feed/RESULTS.md, stop 25).
 */
final class FeedPageWriter {

    /** Each item's own fields and punctuation, beside its child and form: enough that the buffer rarely grows. */
    private static final int ITEM_FIELDS = 400;

    private FeedPageWriter() {
    }

    static Buffer utf8(FeedPage page, ObjectMapper mapper) {
        int estimate = 64;
        for (FeedItem item : page.items()) {
            estimate += ITEM_FIELDS + item.childJson().length + (item.formJson() == null ? 2048 : item.formJson().length);
        }
        // The allocator Quarkus REST itself ends a response's bytes with; the buffer grows if the estimate is short.
        ByteBuf out = VertxByteBufAllocator.POOLED_ALLOCATOR.directBuffer(estimate);
        try (JsonGenerator json = mapper.createGenerator(new ByteBufOutputStream(out), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (FeedItem item : page.items()) {
                write(item, json);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", page.nextCursor());
            json.writeEndObject();
        } catch (IOException | RuntimeException e) {
            out.release();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("feed page not writable", io);
            }
            throw (RuntimeException) e;
        }
        // Not Buffer.buffer(out): Vert.x would send a direct buffer of its own as unreleasable, and the pool would leak.
        return new NoBoundChecksBuffer(out);
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

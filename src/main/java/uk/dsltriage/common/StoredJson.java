package uk.dsltriage.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The API's own JSON of a value, for what must stay byte for byte as the API writes it (Idempotency-Key
 * fingerprints, the referral form as sent). What a column stores is a versioned storage record ({@link StoredRecords}),
 * read strictly. The lenient reader (fields added or dropped since the row was written are ignored) is left only for
 * the child identity's encrypted details, whose storage is being changed apart; do not use it for anything new.
 */
@ApplicationScoped
public class StoredJson {

    private final ObjectMapper writer;
    private final ObjectMapper reader;

    public StoredJson(ObjectMapper apiMapper) {
        this.writer = apiMapper;
        this.reader = apiMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value not serialisable: " + value.getClass().getName(), e);
        }
    }

    /** As UTF-8 bytes, written as a response is (the string writer differs on characters outside the BMP). */
    public byte[] writeUtf8(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value not serialisable: " + value.getClass().getName(), e);
        }
    }

    public <T> T read(byte[] json, Class<T> type) {
        try {
            return reader.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON not readable as " + type.getName(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return reader.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON not readable as " + type.getName(), e);
        }
    }
}

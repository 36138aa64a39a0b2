package uk.dsltriage.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How stored JSON was read and written before versioned storage records (the {@code StoredJson} of the code before
 * them): the API's own JSON, read leniently. A test oracle only, for "a row reads now as it read then"; the service
 * reads every stored value strictly ({@link StoredRecords}).
 */
@ApplicationScoped
public class LenientJsonOracle {

    private final ObjectMapper writer;
    private final ObjectMapper reader;

    public LenientJsonOracle(ObjectMapper apiMapper) {
        this.writer = apiMapper;
        this.reader = apiMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : reader.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package uk.dsltriage.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Versioned storage records in jsonb columns, read strictly: the one mechanism for a column's JSON. A record is its
 * own type (never a wire record or a request body), written with every field, nulls included, and with
 * {@value #VERSION}. Reading refuses an unknown field, a missing field and a version the caller does not know,
 * with a {@link StoredRecordException}, never a silent null.
 * <p>
 * A row written before its column was versioned has no {@value #VERSION}: it is {@link #UNVERSIONED} (format 1) and
 * is read by its own old shape with {@link #readUnversioned}, still refusing unknown (so renamed) fields. Those rows
 * were written leaving nulls out, so there an absent field can only mean null: the caller checks the fields that
 * format 1 always wrote. Versions written with {@value #VERSION} start at 2. Two columns were versioned before
 * {@value #VERSION} was the one name and keep what they wrote ({@link #SCHEMA_VERSION}).
 * <p>
 * Some values are stored as the API writes them, nulls left out and with no version in them (the referral form as
 * sent, the child identity's encrypted values, whose layout is in their associated data; Idempotency-Key fingerprints
 * hash the same text): {@link #writeAsApi} writes them and {@link #readAsApi} reads them, still refusing an unknown
 * field.
 */
@ApplicationScoped
public class StoredRecords {

    private static final Logger LOG = Logger.getLogger(StoredRecords.class);

    public static final String VERSION = "storageVersion";
    /** The version of a row written before its column carried {@value #VERSION}. */
    public static final int UNVERSIONED = 1;
    /** The version of a viewing detail or support record written before it carried {@code schemaVersion}. */
    public static final int SCHEMA_UNVERSIONED = 0;

    /** Where a column keeps its version, and the version of a row that has none. */
    public record Versioning(String field, int unversioned) {
    }

    /** {@value #VERSION} from 2 on; a row without one is format 1 ({@link #UNVERSIONED}). */
    public static final Versioning STORAGE_VERSION = new Versioning(VERSION, UNVERSIONED);
    /**
     * Viewing details and support records, versioned before {@value #VERSION} was the one name, as written since:
     * {@code schemaVersion} from 1 on; a row without one is {@link #SCHEMA_UNVERSIONED}.
     */
    public static final Versioning SCHEMA_VERSION = new Versioning("schemaVersion", SCHEMA_UNVERSIONED);

    /** A stored value parsed: the column it came from (for messages), its JSON object, its version and where it is kept. */
    public record Stored(String column, ObjectNode tree, int version, Versioning versioning) {
    }

    private final ObjectMapper apiWriter;
    private final ObjectMapper writer;
    private final ObjectMapper strict;
    private final ObjectMapper unversioned;

    public StoredRecords(ObjectMapper apiMapper) {
        this.apiWriter = apiMapper;
        // Nulls are written, so that a missing field is told apart from an unknown value.
        this.writer = apiMapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        this.unversioned = apiMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.strict = unversioned.copy().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    /** The record's JSON, every field written. */
    public String write(Object record) {
        try {
            return writer.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("storage record not serialisable: " + record.getClass().getName(), e);
        }
    }

    /** Parses a stored value: it must be a JSON object; its version is {@link #UNVERSIONED} when it names none. */
    public Stored parse(String column, String json) {
        return parse(column, STORAGE_VERSION, json);
    }

    /** Parses a stored value of a column that keeps its version as {@code versioning} says. */
    public Stored parse(String column, Versioning versioning, String json) {
        if (json == null) {
            throw new StoredRecordException(column + " is missing");
        }
        ObjectNode object = object(column, () -> strict.readTree(json));
        JsonNode version = object.get(versioning.field());
        if (version == null) {
            return new Stored(column, object, versioning.unversioned(), versioning);
        }
        // A row without a version never named one: a row naming one is of a later version.
        if (!version.isInt() || version.intValue() <= versioning.unversioned()) {
            throw new StoredRecordException(column + " has a " + versioning.field() + " that is not a version");
        }
        return new Stored(column, object, version.intValue(), versioning);
    }

    /**
     * The record of a stored value by its version: the {@code current} one read strictly; a row without a version by
     * {@code withoutVersion}, its own shape (null where the column has no such rows); any other version is an error.
     */
    public <T> T read(Stored stored, int current, Class<T> type, Function<Stored, ? extends T> withoutVersion) {
        if (stored.version() == current) {
            return read(stored, type);
        }
        if (stored.version() == stored.versioning().unversioned() && withoutVersion != null) {
            return withoutVersion.apply(stored);
        }
        throw unknownVersion(stored);
    }

    /** Reads a versioned record: every field present (null where the record allows it), no other. */
    public <T> T read(Stored stored, Class<T> type) {
        return convert(strict, stored.tree(), type, stored.column());
    }

    /** Reads a row of format 1 by its own shape: no unknown field; an absent field is null (nulls were left out). */
    public <T> T readUnversioned(Stored stored, Class<T> type) {
        return convert(unversioned, stored.tree(), type, stored.column() + " (format 1)");
    }

    /**
     * Reads a row of format 1 into the record of the current version, where format 1 had the same fields: as
     * {@link #readUnversioned}, with the record's version field set to the version of a row without one.
     */
    public <T> T readUnversionedAsCurrent(Stored stored, Class<T> type) {
        ObjectNode tree = stored.tree().deepCopy();
        tree.put(stored.versioning().field(), stored.versioning().unversioned());
        return convert(unversioned, tree, type, stored.column() + " (format 1)");
    }

    /** The value's JSON as the API writes it (nulls left out): for what is kept or hashed byte for byte as sent. */
    public String writeAsApi(Object value) {
        try {
            return apiWriter.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value not serialisable: " + value.getClass().getName(), e);
        }
    }

    /** As UTF-8 bytes, written as a response is (the string writer differs on characters outside the BMP). */
    public byte[] writeAsApiUtf8(Object value) {
        try {
            return apiWriter.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value not serialisable: " + value.getClass().getName(), e);
        }
    }

    /**
     * Reads a value stored as the API writes it ({@link #writeAsApiUtf8}), whose version is known apart from it: a JSON
     * object with no unknown (so no renamed) field; an absent field is null (nulls were left out), so the caller
     * checks the fields that were always written.
     */
    public <T> T readAsApi(String column, byte[] json, Class<T> type) {
        if (json == null) {
            throw new StoredRecordException(column + " is missing");
        }
        return convert(unversioned, object(column, () -> strict.readTree(json)), type, column);
    }

    /**
     * Reads one stored value of a row: a value that cannot be read is logged once, by column and row id (never a
     * value, nor the field it names), and stays a {@link StoredRecordException}, which is answered as an internal error.
     */
    public static <T> T ofRow(String column, Object rowId, Supplier<T> read) {
        try {
            return read.get();
        } catch (StoredRecordException e) {
            LOG.errorf("Stored %s of %s does not have the shape of its storage version", column, rowId);
            throw e;
        }
    }

    public static StoredRecordException unknownVersion(Stored stored) {
        return new StoredRecordException(stored.column() + " has an unknown " + stored.versioning().field());
    }

    public static void require(boolean ok, String problem) {
        if (!ok) {
            throw new StoredRecordException(problem);
        }
    }

    /** The lines of a resource that freezes a format's names (the facts a format-1 row may name, for example). */
    public static List<String> frozenNames(String resource) {
        try (InputStream in = StoredRecords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is not readable", e);
        }
    }

    private interface TreeRead {
        JsonNode read() throws IOException;
    }

    private static ObjectNode object(String column, TreeRead read) {
        JsonNode tree;
        try {
            tree = read.read();
        } catch (IOException e) {
            throw new StoredRecordException(column + " is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new StoredRecordException(column + " is not a JSON object");
        }
        return object;
    }

    private static <T> T convert(ObjectMapper mapper, JsonNode tree, Class<T> type, String what) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            // Only the path of the field at fault: the parser's own message may quote a stored value.
            throw new StoredRecordException(what + " does not have the stored shape at " + e.getPathReference());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoredRecordException(what + " does not have the stored shape");
        }
    }
}

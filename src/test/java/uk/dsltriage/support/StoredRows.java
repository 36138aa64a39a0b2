package uk.dsltriage.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Rows as stored (fixtures under {@code stored-rows/}) and the fields of storage records, for storage tests. */
public final class StoredRows {

    private StoredRows() {
    }

    /** A stored row as the fixture holds it, taken from PostgreSQL as text. */
    public static String fixture(String name) {
        try (InputStream in = StoredRows.class.getResourceAsStream("/stored-rows/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The components of a storage record: what it writes, every one of them. */
    public static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

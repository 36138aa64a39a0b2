package uk.dsltriage.console.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of a refused form, in the order the page shows its fields: each names the field it belongs to, the
 * element the error summary links to, and a message that never repeats what was entered.
 */
public final class FormErrors {

    public record Entry(String field, String href, String message) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a problem; a field keeps its first problem only, the one the person should fix first. */
    public FormErrors add(String field, String href, String message) {
        if (of(field) == null) {
            entries.add(new Entry(field, href, message));
        }
        return this;
    }

    /** The message for a field, or null when it has none. */
    public String of(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).map(Entry::message).findFirst().orElse(null);
    }

    public boolean has(String field) {
        return of(field) != null;
    }

    /** The message for a field of a numbered row ({@code ref} of person 2 is {@code ref-2}), or null. */
    public String ofRow(String name, int row) {
        return of(name + "-" + row);
    }

    public boolean hasRow(String name, int row) {
        return has(name + "-" + row);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}

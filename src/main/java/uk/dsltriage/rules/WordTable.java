package uk.dsltriage.rules;

import java.util.Arrays;

/**
 * Values kept by a key of a few words (the first {@code length} words of an array). Bounded whatever the keys: a
 * direct-mapped table of a fixed size, a newer entry taking an older one's slot. Thread-safe without locks: an entry
 * is immutable (its key copied in, final fields), so a racy read sees nothing, an older entry or a whole newer one,
 * and every entry read is compared word for word with the key in hand. Values must be immutable too.
 */
class WordTable<V> {

    private final Entry<V>[] entries;

    @SuppressWarnings("unchecked")
    WordTable(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        this.entries = new Entry[size];
    }

    private int slot(long[] key, int length) {
        long h = 0;
        for (int i = 0; i < length; i++) {
            h = h * 0x9E3779B97F4A7C15L + key[i];
        }
        return slot(h);
    }

    private int slot(long h) {
        int x = (int) (h ^ (h >>> 32));
        return (x ^ (x >>> 16)) & (entries.length - 1);
    }

    /** The value kept for the key's first {@code length} words, or null. */
    V find(long[] key, int length) {
        Entry<V> e = entries[slot(key, length)];
        return e != null && Arrays.equals(e.key, 0, length, key, 0, length) ? e.value : null;
    }

    void keep(long[] key, int length, V value) {
        entries[slot(key, length)] = new Entry<>(Arrays.copyOf(key, length), value);
    }

    /** The value kept for a key of one word (the same entry as for an array holding only that word), or null. */
    V find(long word) {
        Entry<V> e = entries[slot(word)];
        return e != null && e.key.length == 1 && e.key[0] == word ? e.value : null;
    }

    void keep(long word, V value) {
        entries[slot(word)] = new Entry<>(new long[] {word}, value);
    }

    private record Entry<V>(long[] key, V value) {
    }
}

package uk.dsltriage.rules;

import java.util.Collection;
import java.util.List;

/**
 * Sets of one enum's constants (at most 64) as bit masks, one bit per ordinal, and the immutable list of a mask's
 * constants in declaration order (the order an EnumSet iterates in). A recommendation's routes and actions are
 * accumulated as masks; the list of a mask is built once and shared, since a rule set yields few distinct sets.
 * Thread-safe: the cache holds immutable entries and a lost race only builds a list twice.
 */
final class EnumMasks<E extends Enum<E>> {

    private static final int CACHE_SIZE = 256;

    private final E[] values;
    private final Entry<E>[] cache;

    private record Entry<E>(long mask, List<E> list) {
    }

    @SuppressWarnings("unchecked")
    EnumMasks(Class<E> type) {
        this.values = type.getEnumConstants();
        if (values.length > 64) {
            throw new IllegalArgumentException(type.getSimpleName() + " has more than 64 constants");
        }
        this.cache = new Entry[CACHE_SIZE];
    }

    static long bit(Enum<?> e) {
        return 1L << e.ordinal();
    }

    static boolean has(long mask, Enum<?> e) {
        return (mask & bit(e)) != 0;
    }

    static <T extends Enum<T>> long of(Collection<T> constants) {
        long mask = 0;
        for (T e : constants) {
            mask |= bit(e);
        }
        return mask;
    }

    /** The constants of the mask in declaration order, immutable. */
    List<E> list(long mask) {
        if (mask == 0) {
            return List.of();
        }
        int slot = (int) ((mask * 0x9E3779B97F4A7C15L) >>> 56) & (CACHE_SIZE - 1);
        Entry<E> entry = cache[slot];
        if (entry != null && entry.mask() == mask) {
            return entry.list();
        }
        List<E> list = build(mask);
        cache[slot] = new Entry<>(mask, list);
        return list;
    }

    private List<E> build(long mask) {
        @SuppressWarnings("unchecked")
        E[] constants = (E[]) new Enum<?>[Long.bitCount(mask)];
        int k = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            constants[k++] = values[Long.numberOfTrailingZeros(rest)];
        }
        return List.of(constants);
    }
}

package dev.gatehouse.core.service.support;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a check read from a store, each value kept with the store's change count read just before
 * the read, and given back only while the store still tells that same count: a change from this
 * process or another moves it, and the next check reads again. Without a count nothing is kept.
 * At most {@value #MAX_KEPT} values; past that everything is dropped and kept afresh.
 */
public final class KeptByCount<K, V> {

    private static final int MAX_KEPT = 100_000;

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** Whether nothing is kept (a check may then skip reading the count at all). */
    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The value kept for {@code key} if it was kept under {@code now}. */
    public Optional<V> get(K key, OptionalLong now) {
        return get(key, () -> now);
    }

    /** As {@link #get(Object, OptionalLong)}, asking for the count only when a value is kept for {@code key}. */
    public Optional<V> get(K key, Supplier<OptionalLong> now) {
        Kept<V> last = kept.get(key);
        if (last == null) {
            return Optional.empty();
        }
        OptionalLong count = now.get();
        return count.isPresent() && count.getAsLong() == last.changeCount ? Optional.of(last.value) : Optional.empty();
    }

    /** Keeps {@code value} under {@code before}, the count read before the store; without one, forgets the key. */
    public void put(K key, V value, OptionalLong before) {
        if (before.isEmpty()) {
            kept.remove(key);
            return;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        // The count read before the store: a change made meanwhile shows as a new count next time.
        kept.put(key, new Kept<>(value, before.getAsLong()));
    }

    public void remove(K key) {
        kept.remove(key);
    }

    private record Kept<V>(V value, long changeCount) {
    }
}

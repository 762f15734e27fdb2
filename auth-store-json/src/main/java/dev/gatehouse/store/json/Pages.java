package dev.gatehouse.store.json;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of an already sorted list: what follows a key, found by binary search, not a scan. */
final class Pages {

    private Pages() {
    }

    /**
     * Up to {@code limit} elements of {@code sorted} (in {@code order} of {@code key}) whose key
     * sorts after {@code after}, or from the start if it is empty.
     */
    static <T, K> List<T> after(List<T> sorted, Function<T, K> key, Comparator<? super K> order,
                                Optional<K> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("A page limit cannot be negative, was " + limit + ".");
        }
        int from = after.map(a -> firstAfter(sorted, key, order, a)).orElse(0);
        return List.copyOf(sorted.subList(from, (int) Math.min(sorted.size(), (long) from + limit)));
    }

    private static <T, K> int firstAfter(List<T> sorted, Function<T, K> key, Comparator<? super K> order, K after) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(key.apply(sorted.get(middle)), after) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}

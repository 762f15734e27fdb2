package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.service.migration.CopyStores.Progress;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** How {@link CopyStores} walks one kind of record: page by page in key order, counting as it goes. */
final class CopyWalk {

    private final int batchSize;

    CopyWalk(int batchSize) {
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    /** Pages through one kind of record in key order, handing each to {@code copyOne}. */
    <T, K> void walk(String phase, long total, Progress progress, Tally tally,
                     BiFunction<Optional<K>, Integer, List<T>> pages, Function<T, K> key,
                     Comparator<? super K> order, Consumer<T> copyOne) {
        progress.update(phase, 0, total);
        Optional<K> after = Optional.empty();
        long reported = 0;
        for (List<T> page = pages.apply(after, batchSize); !page.isEmpty(); page = pages.apply(after, batchSize)) {
            if (after.isPresent() && order.compare(key.apply(page.get(0)), after.get()) <= 0) {
                throw new StoreException("The source store gave a page of " + phase + " that does not move past '"
                        + after.get() + "'; its paging is broken, so the copy stopped rather than loop.");
            }
            page.forEach(copyOne);
            after = Optional.of(key.apply(page.get(page.size() - 1)));
            reported = tally.seen();
            progress.update(phase, reported, total < 0 ? -1 : Math.max(total, reported));
        }
        if (reported != total) {
            progress.update(phase, reported, reported);
        }
    }

    /** Counts while a phase runs; {@code skipped} records were looked at and deliberately not copied. */
    static final class Tally {
        long copied;
        long alreadyPresent;
        long replaced;
        long kept;
        long skipped;
        boolean tokenKeyDiffers;

        long seen() {
            return copied + alreadyPresent + replaced + skipped;
        }

        Counts counts() {
            return new Counts(copied, alreadyPresent, replaced);
        }
    }
}

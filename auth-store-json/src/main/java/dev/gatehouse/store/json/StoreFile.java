package dev.gatehouse.store.json;

import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One JSON file of the store, decoded into {@code T}. Reads go through a cache that a stat per
 * read keeps honest (another process may have replaced the file); changes are read-modify-writes
 * under the directory lock, written atomically. A corrupt file is reported, never overwritten.
 */
final class StoreFile<T> {

    /** How the file's bytes become a {@code T} and back. */
    interface Codec<T> {
        T empty();

        /** Throws {@link CorruptFileException} for content that is not what the file must hold. */
        T decode(byte[] bytes);

        byte[] encode(T value);
    }

    /** What a change decided: the new content ({@code null} to leave the file alone) and a result. */
    record Change<T, R>(T next, R result) {
        static <T, R> Change<T, R> keep(R result) {
            return new Change<>(null, result);
        }

        static <T, R> Change<T, R> write(T next, R result) {
            return new Change<>(Objects.requireNonNull(next, "next"), result);
        }
    }

    /**
     * Writes within this many milliseconds of the cached file's mtime may not change its stat:
     * mtimes come from a coarse clock and a freed inode number can be reused at once. Inside the
     * window the bytes are compared too (git's "racily clean" rule).
     */
    private static final long RACY_WINDOW_MILLIS = 2_000;

    /** How often, and how far apart, a recently written file that looks torn is read. */
    private static final int READ_ATTEMPTS = 3;
    private static final long REREAD_PAUSE_MILLIS = 20;

    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(Long.MIN_VALUE, -1, null);
    }

    private record Snapshot<T>(Stamp stamp, byte[] bytes, T value, boolean settled) {
    }

    private final StoreDirectory directory;
    private final Path path;
    private final Codec<T> codec;
    private final boolean ownerOnly;
    private volatile Snapshot<T> snapshot;

    StoreFile(StoreDirectory directory, String fileName, Codec<T> codec, boolean ownerOnly) {
        this.directory = directory;
        this.path = directory.resolve(fileName);
        this.codec = codec;
        this.ownerOnly = ownerOnly;
    }

    /**
     * The file's current content; re-read only when it changed since the last call. llms.py
     * rewrites users.json in place (truncate, then write), so a recently modified file that reads
     * as empty or cut off is read again a few times before it counts as empty or corrupt.
     */
    T read() {
        for (int attempt = 1; ; attempt++) {
            long startedAt = System.currentTimeMillis();
            Stamp stamp = stat();
            Snapshot<T> cached = snapshot;
            if (cached != null && cached.stamp.equals(stamp) && cached.settled) {
                return cached.value;
            }
            if (stamp == Stamp.MISSING) {
                Snapshot<T> missing = new Snapshot<>(stamp, new byte[0], codec.empty(), true);
                snapshot = missing;
                return missing.value;
            }
            byte[] bytes = readBytes();
            boolean recent = stamp.modifiedNanos / 1_000_000 >= startedAt - RACY_WINDOW_MILLIS;
            boolean lastTry = !recent || attempt == READ_ATTEMPTS;
            if (bytes.length > 0 || lastTry) {
                try {
                    T value = cached != null && Arrays.equals(bytes, cached.bytes) ? cached.value : codec.decode(bytes);
                    snapshot = new Snapshot<>(stamp, bytes, value, !recent);
                    return value;
                } catch (CorruptFileException e) {
                    if (lastTry) {
                        throw e.in(path);
                    }
                }
            }
            pauseBeforeRereading();
        }
    }

    private static void pauseBeforeRereading() {
        try {
            Thread.sleep(REREAD_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller sees the flag; one more read does no harm
        }
    }

    /** Applies {@code change} to the current content under the lock and writes what it returns. */
    <R> R change(Function<T, Change<T, R>> change) {
        return directory.locked(() -> {
            Change<T, R> decided = change.apply(read());
            if (decided.next() != null) {
                write(decided.next());
            }
            return decided.result();
        });
    }

    private void write(T next) {
        long startedAt = System.currentTimeMillis();
        byte[] bytes = codec.encode(next);
        try {
            AtomicFiles.write(path, bytes, ownerOnly);
        } catch (IOException e) {
            throw new StoreException("Could not write " + path + ": " + e + ". The file was left as it was;"
                    + " check free disk space and that this user may write to " + directory + ".", e);
        }
        Stamp stamp = stat();
        snapshot = new Snapshot<>(stamp, bytes, next,
                stamp.modifiedNanos / 1_000_000 < startedAt - RACY_WINDOW_MILLIS);
    }

    private Stamp stat() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return Stamp.MISSING;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private byte[] readBytes() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new byte[0]; // deleted between stat and read: no data, as if it had never been there
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private StoreException unreadable(IOException e) {
        return new StoreException("Could not read " + path + ": " + e
                + ". Check that this user may read the files in " + directory + ".", e);
    }
}

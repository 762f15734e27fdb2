package dev.gatehouse.store.json;

import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The store directory and its write lock. Every change to any file in it happens while holding
 * both an in-process lock and an OS lock on {@value #LOCK_FILE}, so the CLI and a running server
 * (or two store instances in one JVM) never lose each other's updates.
 */
final class StoreDirectory {

    static final String LOCK_FILE = ".gatehouse.lock";

    /**
     * Java's FileLock belongs to the whole JVM: a second lock on the same file from this process
     * throws OverlappingFileLockException instead of waiting. So threads and store instances in one
     * process first queue on this lock, keyed by the directory's real path.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path path;
    private final ReentrantLock lock;

    private StoreDirectory(Path path) {
        this.path = path;
        this.lock = IN_PROCESS.computeIfAbsent(path, p -> new ReentrantLock());
    }

    /** Opens (creating it and its parents if missing) the directory. */
    static StoreDirectory open(Path directory) {
        try {
            Files.createDirectories(directory);
            return new StoreDirectory(directory.toRealPath());
        } catch (IOException e) {
            throw new StoreException("Could not create or open the store directory " + directory.toAbsolutePath()
                    + ": " + e + ". Check that the path is a directory this user may write to.", e);
        }
    }

    Path resolve(String fileName) {
        return path.resolve(fileName);
    }

    /** Runs {@code work} holding the directory's write lock; re-entrant within one thread. */
    @SuppressWarnings("try") // the FileLock is held for its scope, never referenced
    <R> R locked(Supplier<R> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get(); // this thread already holds the OS lock
            }
            Path lockFile = resolve(LOCK_FILE);
            try (FileChannel channel = FileChannel.open(lockFile, FilePermissions.createOptions(),
                    FilePermissions.ownerOnlyAttributes());
                 FileLock ignored = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new StoreException("Could not lock " + lockFile + ": " + e
                        + ". Check that this user may write to " + path + ".", e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes temporary files a crashed writer left behind. Called under the lock: every writer
     * creates, renames and deletes its temporary file while holding it, so any found now is stale.
     */
    void removeLeftoverTempFiles() {
        locked(() -> {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(path, AtomicFiles.TEMP_GLOB)) {
                for (Path leftover : stream) {
                    Files.deleteIfExists(leftover);
                }
            } catch (IOException e) {
                throw new StoreException("Could not remove leftover temporary files in " + path + ": " + e
                        + ". Delete files named like '" + AtomicFiles.TEMP_GLOB + "' there by hand.", e);
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

package dev.gatehouse.store.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file all at once: a reader (llms.py, another Gatehouse process) sees the old bytes
 * or the new ones, never half a file, and a crash or full disk leaves the old file in place.
 */
final class AtomicFiles {

    /** Temporary files are hidden, named after their target, and end in .tmp. */
    static final String TEMP_GLOB = ".{users.json,gatehouse-*}.*.tmp";

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} via a synced temporary file and an atomic rename.
     * A new file gets mode 0600; an existing one keeps its mode and, where allowed, its owner, so a
     * root-run CLI does not take users.json away from the llms.py user. With {@code ownerOnly}
     * the mode is always 0600 (the key file).
     */
    static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        write(target, bytes, ownerOnly, null);
    }

    /** As {@link #write(Path, byte[], boolean)}, with the file's modification time set to {@code modified} if given. */
    static void write(Path target, byte[] bytes, boolean ownerOnly, FileTime modified) throws IOException {
        Path directory = target.getParent();
        PosixFileAttributes existing = FilePermissions.POSIX && Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.readAttributes(target, PosixFileAttributes.class) : null;
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
                FilePermissions.ownerOnlyAttributes());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                copyOwnershipAndMode(temp, existing, ownerOnly);
                if (modified != null) {
                    Files.setLastModifiedTime(temp, modified); // after the last write, before the sync
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyOwnershipAndMode(Path temp, PosixFileAttributes existing, boolean ownerOnly)
            throws IOException {
        if (!FilePermissions.POSIX) {
            return;
        }
        Set<PosixFilePermission> mode = ownerOnly || existing == null
                ? FilePermissions.OWNER_ONLY : existing.permissions();
        Files.setPosixFilePermissions(temp, mode);
        if (existing == null) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            view.setGroup(existing.group());
            view.setOwner(existing.owner());
        } catch (IOException notPermitted) {
            // Only root may give a file away; anyone else's file is theirs already, so nothing is lost.
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened (Windows). */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The data file itself is synced; only the rename's durability is best effort here.
        }
    }
}

package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.AvatarStore;
import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Avatars as image files in {@value #DIRECTORY}/ inside the store directory, one per user, named
 * by {@link AvatarFileNames}; a file's modification time is the avatar's {@code updatedAt}. Every
 * change holds the directory's write lock, like every other change of the store, and each file is
 * replaced atomically. Reads take no lock when they find a file that stayed the same while it was
 * read; when they find none they look again under the lock, because a replacement by another
 * media type writes the new file before it deletes the old one, and a reader passing by between
 * could miss both.
 */
final class JsonAvatarStore implements AvatarStore {

    static final String DIRECTORY = "gatehouse-avatars";

    /** Avatar files never start with a dot; temporary files always do. */
    private static final String TEMP_GLOB = ".*.tmp";

    private final StoreDirectory store;
    private final Path directory;

    JsonAvatarStore(StoreDirectory store) {
        this.store = store;
        this.directory = store.resolve(DIRECTORY);
    }

    @Override
    public void put(Avatar avatar) {
        Objects.requireNonNull(avatar, "avatar");
        Path file = directory.resolve(AvatarFileNames.of(avatar.username(), avatar.mediaType()));
        store.locked(() -> {
            try {
                if (!Files.isDirectory(directory)) {
                    Files.createDirectories(directory, FilePermissions.ownerOnlyDirectoryAttributes());
                    AtomicFiles.syncDirectory(directory.getParent());
                }
                AtomicFiles.write(file, avatar.image(), false, FileTime.from(avatar.updatedAt()));
                if (deleteOthers(avatar.username(), file)) {
                    AtomicFiles.syncDirectory(directory);
                }
            } catch (IOException e) {
                throw new StoreException("Could not store the avatar of '" + avatar.username() + "' as " + file + ": "
                        + e + ". Check free disk space and that this user may write to " + directory + ".", e);
            }
            return null;
        });
    }

    @Override
    public Optional<Avatar> find(Username username) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty(); // created with the first avatar and never removed
        }
        List<String> names = AvatarFileNames.candidates(username);
        Optional<Avatar> found = read(username, names);
        return found.isPresent() ? found : store.locked(() -> read(username, names));
    }

    /** The newest file's modification time, looked for again under the lock like {@link #find}. */
    @Override
    public Optional<Instant> updatedAt(Username username) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<String> names = AvatarFileNames.candidates(username);
        Optional<Instant> found = newest(names).map(Newest::updatedAt);
        return found.isPresent() ? found : store.locked(() -> newest(names).map(Newest::updatedAt));
    }

    @Override
    public boolean delete(Username username) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        return store.locked(() -> {
            try {
                boolean deleted = deleteOthers(username, null);
                if (deleted) {
                    AtomicFiles.syncDirectory(directory);
                }
                return deleted;
            } catch (IOException e) {
                throw new StoreException("Could not delete the avatar of '" + username + "' in " + directory + ": "
                        + e + ". Check that this user may write to " + directory + ".", e);
            }
        });
    }

    /** Deletes temporary files a crashed writer left behind, as the store directory does for its own. */
    void removeLeftoverTempFiles() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        store.locked(() -> {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, TEMP_GLOB)) {
                for (Path leftover : stream) {
                    Files.deleteIfExists(leftover);
                }
            } catch (IOException e) {
                throw new StoreException("Could not remove leftover temporary files in " + directory + ": " + e
                        + ". Delete files named like '" + TEMP_GLOB + "' there by hand.", e);
            }
            return null;
        });
    }

    /** Deletes the user's avatar files other than {@code keep}; true if there were any. */
    private boolean deleteOthers(Username username, Path keep) throws IOException {
        boolean deleted = false;
        for (String name : AvatarFileNames.candidates(username)) {
            Path file = directory.resolve(name);
            if (!file.equals(keep)) {
                deleted |= Files.deleteIfExists(file);
            }
        }
        return deleted;
    }

    /**
     * The newest of the user's avatar files (there is one, except after a crash mid-replacement),
     * if it did not change while it was read; empty if there is none or it changed.
     */
    private Optional<Avatar> read(Username username, List<String> names) {
        Optional<Newest> found = newest(names);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path newest = found.get().file();
        BasicFileAttributes seen = found.get().attributes();
        byte[] image = readBytes(newest);
        BasicFileAttributes after = stat(newest);
        if (image == null || after == null || image.length != seen.size()
                || !after.lastModifiedTime().equals(seen.lastModifiedTime())
                || !Objects.equals(after.fileKey(), seen.fileKey())) {
            return Optional.empty(); // replaced or deleted meanwhile
        }
        return Optional.of(new Avatar(username, AvatarFileNames.mediaType(newest.getFileName().toString()), image,
                found.get().updatedAt()));
    }

    /** The newest of the user's avatar files and its attributes as seen; one of a size no avatar has is an error. */
    private Optional<Newest> newest(List<String> names) {
        Path newest = null;
        BasicFileAttributes seen = null;
        for (String name : names) {
            Path file = directory.resolve(name);
            BasicFileAttributes attributes = stat(file);
            if (attributes != null && (seen == null || attributes.lastModifiedTime().compareTo(seen.lastModifiedTime()) > 0)) {
                newest = file;
                seen = attributes;
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        if (seen.size() < 1 || seen.size() > Avatar.MAX_BYTES) {
            throw new StoreException(newest + " is " + seen.size() + " bytes; an avatar must be 1 to " + Avatar.MAX_BYTES
                    + " bytes. Gatehouse left it untouched; delete it (the user then has no avatar) or replace it.");
        }
        return Optional.of(new Newest(newest, seen));
    }

    private record Newest(Path file, BasicFileAttributes attributes) {
        Instant updatedAt() {
            return attributes.lastModifiedTime().toInstant();
        }
    }

    /** The file's attributes; null if it is missing or not a regular file. */
    private BasicFileAttributes stat(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private StoreException unreadable(Path file, IOException e) {
        return new StoreException("Could not read " + file + ": " + e
                + ". Check that this user may read the files in " + directory + ".", e);
    }
}

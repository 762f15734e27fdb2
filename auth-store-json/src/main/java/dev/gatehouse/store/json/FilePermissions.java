package dev.gatehouse.store.json;

import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** File modes on POSIX systems; elsewhere (Windows) the directory's ACLs apply and these are no-ops. */
final class FilePermissions {

    /** rw------- : the store holds password hashes and keys, nobody else needs to read them. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** rwx------ : for directories Gatehouse creates inside the store directory. */
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FilePermissions() {
    }

    static FileAttribute<?>[] ownerOnlyAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    static FileAttribute<?>[] ownerOnlyDirectoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    static Set<OpenOption> createOptions() {
        return Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * For appending under the directory lock: written at the end by position, since Java refuses
     * READ with APPEND and an append first checks that the last line is whole.
     */
    static Set<OpenOption> readWriteOptions() {
        return Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}

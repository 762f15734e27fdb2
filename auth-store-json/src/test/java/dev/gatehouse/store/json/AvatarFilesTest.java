package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where avatars live on disk and what their files are called. */
class AvatarFilesTest {

    private static final Username ALICE = Username.of("alice");

    @TempDir
    Path directory;

    private Path avatars() {
        return directory.resolve(JsonAvatarStore.DIRECTORY);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(avatars())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAvatarIsAnImageFileNamedAfterItsUserWithItsTimeAsTheFilesTime() throws IOException {
        Avatar avatar = Samples.avatar("alice", "image/jpeg", 1_000);
        JsonStores.open(directory).avatars().put(avatar);

        Path file = avatars().resolve("alice.jpg");
        assertArrayEquals(avatar.image(), Files.readAllBytes(file));
        assertEquals(Samples.T0, Files.getLastModifiedTime(file).toInstant());
        assertEquals(List.of("alice.jpg"), files());
    }

    @Test
    void namesArePercentEncodedSoOnlySafeCharactersStayLiteral() {
        assertEquals("Alice_B-2.x", AvatarFileNames.stem(Username.of("Alice_B-2.x")));
        assertEquals("%2Ehidden", AvatarFileNames.stem(Username.of(".hidden")));
        assertEquals("%2E.x", AvatarFileNames.stem(Username.of("..x")));
        assertEquals("a%20b%25c%3A%27", AvatarFileNames.stem(Username.of("a b%c:'")));
        assertEquals("%C3%A9lodie%40example", AvatarFileNames.stem(Username.of("élodie@example")));
        assertEquals("%F0%9F%98%80", AvatarFileNames.stem(Username.of("\uD83D\uDE00")));
        assertEquals("alice.webp", AvatarFileNames.of(ALICE, "image/webp"));
        assertEquals("%2E...gif", AvatarFileNames.of(Username.of("..."), "image/gif"));
    }

    @Test
    void everyNameFitsAFileNameAndLongEncodingsEndInAHash() {
        String asciiWorst = AvatarFileNames.stem(Username.of("%".repeat(Username.MAX_LENGTH)));
        assertEquals(AvatarFileNames.MAX_STEM, asciiWorst.length());
        assertEquals("%25".repeat(Username.MAX_LENGTH), asciiWorst, "ASCII names are never shortened");

        String cyrillic = AvatarFileNames.stem(Username.of("\u0416".repeat(Username.MAX_LENGTH)));
        String oneLess = AvatarFileNames.stem(Username.of("\u0416".repeat(Username.MAX_LENGTH - 1) + "x"));
        assertTrue(cyrillic.length() <= AvatarFileNames.MAX_STEM, cyrillic);
        assertTrue(cyrillic.matches("(%D0%96)+~[0-9a-f]{64}"), cyrillic);
        assertNotEquals(cyrillic, oneLess);
    }

    @Test
    void replacingWithAnotherTypeLeavesOnlyTheNewFileAndDeletingLeavesNone() throws IOException {
        Stores stores = JsonStores.open(directory);
        stores.avatars().put(Samples.avatar("alice", "image/png", 10));
        stores.avatars().put(Samples.avatar("alice", "image/gif", 10));
        stores.avatars().put(Samples.avatar("Alice", "image/png", 10));
        assertEquals(List.of("Alice.png", "alice.gif"), files());

        stores.avatars().delete(ALICE);
        assertEquals(List.of("Alice.png"), files());
    }

    @Test
    void anImageFilePutThereByHandIsThatUsersAvatar() throws IOException {
        Files.createDirectories(avatars());
        Files.write(avatars().resolve("alice.webp"), new byte[] {1, 2, 3});
        Instant at = Instant.parse("2026-02-01T12:00:00.456Z");
        Files.setLastModifiedTime(avatars().resolve("alice.webp"), FileTime.from(at));

        Avatar found = JsonStores.open(directory).avatars().find(ALICE).orElseThrow();
        assertEquals(new Avatar(ALICE, "image/webp", new byte[] {1, 2, 3}, at), found);
    }

    @Test
    void anOversizedFileIsReportedByNameAndLeftAlone() throws IOException {
        Files.createDirectories(avatars());
        Path file = avatars().resolve("alice.png");
        Files.write(file, new byte[Avatar.MAX_BYTES + 1]);

        StoreException e = assertThrows(StoreException.class, () -> JsonStores.open(directory).avatars().find(ALICE));
        assertTrue(e.getMessage().startsWith(file + " is " + (Avatar.MAX_BYTES + 1) + " bytes"), e.getMessage());
        assertTrue(Files.exists(file));
    }

    @Test
    void openingRemovesTemporaryFilesACrashedWriterLeft() throws IOException {
        JsonStores.open(directory).avatars().put(Samples.avatar("alice"));
        Files.write(avatars().resolve(".alice.png.123456.tmp"), new byte[] {1});

        Stores reopened = JsonStores.open(directory);

        assertEquals(List.of("alice.png"), files());
        assertTrue(reopened.avatars().find(ALICE).isPresent());
    }

    @Test
    void aStoreWithoutAvatarsHasNoAvatarDirectory() {
        Stores stores = JsonStores.open(directory);
        assertEquals(Optional.empty(), stores.avatars().find(ALICE));
        assertEquals(false, stores.avatars().delete(ALICE));
        assertTrue(Files.notExists(avatars()));
    }

    @Test
    void avatarFilesAndTheirDirectoryAreOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FilePermissions.POSIX, "file modes are POSIX");
        JsonStores.open(directory).avatars().put(Samples.avatar("alice"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(avatars())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(avatars().resolve("alice.png"))));
    }
}

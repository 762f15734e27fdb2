package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads are cached per version of the file, and a new version is always noticed. */
class ReadCacheTest {

    @TempDir
    Path directory;

    private Path writeThousandUsers() throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        for (int i = 0; i < 1000; i++) {
            ObjectNode user = root.putObject("user" + i);
            user.put("password_hash", "00112233445566778899aabbccddeeff:" + "ab".repeat(32));
            user.put("created", new BigDecimal("1742034600.5871234").add(BigDecimal.valueOf(i)));
            user.putArray("roles").add(i % 10 == 0 ? "Admin" : "Editor");
            user.put("lastIp", "198.51.100." + (i % 250));
            user.put("lastLogin", 1742121000.25 + i);
        }
        Path file = directory.resolve("users.json");
        Files.write(file, Json.PYTHON_STYLE.writeValueAsBytes(root));
        return file;
    }

    @Test
    void listingAThousandUsersTakesWellUnder100Milliseconds() throws IOException {
        writeThousandUsers();
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            JsonStores.open(directory).users().list();
        }
        long started = System.nanoTime();
        List<User> listed = JsonStores.open(directory).users().list(); // a fresh instance: parses the file
        long parseMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1000, listed.size());
        assertTrue(parseMillis < 100, "first list() took " + parseMillis + " ms");
    }

    @Test
    void anUnchangedFileIsNotParsedAgain() throws IOException {
        writeThousandUsers();
        UserStore users = JsonStores.open(directory).users();
        List<User> first = users.list();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertSame(first, users.list());
        }
        long perCallMicros = (System.nanoTime() - started) / 100 / 1000;
        assertTrue(perCallMicros < 10_000, "a cached list() took " + perCallMicros + " µs");
    }

    @Test
    void aChangeByAnotherInstanceIsSeenByTheNextRead() throws IOException {
        writeThousandUsers();
        UserStore server = JsonStores.open(directory).users();
        UserStore cli = JsonStores.open(directory).users();
        server.list();
        cli.update(Username.of("user7"), u -> u.withStatus(UserStatus.locked("x", null)));
        assertTrue(server.find(Username.of("user7")).orElseThrow().status().isLocked());
    }

    /**
     * ext4 reuses a freed inode at once and stamps mtimes from a coarse clock, so a new version can
     * have the old file's size, inode and mtime. Within that window the bytes are compared as well.
     */
    @Test
    void aRewriteWithTheSameSizeInodeAndMtimeIsStillSeen() throws IOException {
        Path file = directory.resolve("users.json");
        Files.writeString(file, "{\"alice\": {\"created\": 1, \"locked\": \"aaaa\"}}");
        FileTime mtime = Files.getLastModifiedTime(file);
        UserStore users = JsonStores.open(directory).users();
        assertEquals("aaaa", ((UserStatus.Locked) users.find(Username.of("alice")).orElseThrow().status()).reason());

        Files.writeString(file, "{\"alice\": {\"created\": 1, \"locked\": \"bbbb\"}}"); // same inode, same size
        Files.setLastModifiedTime(file, mtime);
        assertEquals("bbbb", ((UserStatus.Locked) users.find(Username.of("alice")).orElseThrow().status()).reason());
    }
}

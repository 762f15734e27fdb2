package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened says so in one line that names it (password masked) and what to check. */
class UnreachableStoreTest {

    /** Opens the store expecting a failure, and checks the message's form. */
    static String failureOf(String url) {
        StoreException failure = assertThrows(StoreException.class, () -> JdbcStores.open(JdbcSettings.parse(url)).close());
        String message = failure.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains(JdbcSettings.parse(url).maskedUrl()), message);
        assertNotNull(failure.getCause(), "the cause stays attached");
        System.out.println(message);
        return message;
    }

    @Test
    void aPortWithNoServerIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String message = failureOf("postgres://gate:hunter2@127.0.0.1:" + port + "/gh");
        assertTrue(message.startsWith("Cannot reach PostgreSQL at postgres://gate:****@127.0.0.1:" + port + "/gh:"
                + " connection refused. Check that the server runs and the host and port are right."), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void anUnknownHostIsNamed() {
        String message = failureOf("postgres://gate:hunter2@no-such-host.invalid:5432/gh");
        assertTrue(message.contains("unknown host") && message.contains("Check the host name"), message);
    }

    @Nested
    class Sqlite {
        @TempDir
        Path directory;

        @Test
        void aPathWhoseDirectoryCannotBeCreatedIsExplained() throws IOException {
            Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
            String message = failureOf("sqlite:" + file.resolve("gatehouse.db"));
            assertTrue(message.startsWith("Cannot create the SQLite database at sqlite:" + file.resolve("gatehouse.db")), message);
            assertTrue(message.contains("Check that the path is right and its directory is writable."), message);
        }

        @Test
        void aFileThatIsNotADatabaseIsNamedSo() throws IOException {
            Path file = Files.writeString(directory.resolve("notes.db"), "these are my notes, not a database, ".repeat(100));
            String message = failureOf("sqlite:" + file);
            assertTrue(message.contains("is not a SQLite database"), message);
        }

        @Test
        void aReadOnlyDirectoryIsExplained() throws IOException {
            Path readOnly = Files.createDirectory(directory.resolve("read-only"));
            assertTrue(readOnly.toFile().setWritable(false, false));
            try {
                org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly),
                        "running as root: permissions do not stop root from writing");
                String message = failureOf("sqlite:" + readOnly.resolve("gatehouse.db"));
                assertTrue(message.contains("Check that the path is right"), message);
            } finally {
                readOnly.toFile().setWritable(true, false);
            }
        }
    }

    @Nested
    @ExtendWith(PostgresAvailable.class)
    class OnTheTestServer {

        private String withPassword(String password) {
            JdbcSettings server = JdbcSettings.parse(PostgresAvailable.url().orElseThrow());
            return "postgres://" + server.username() + ":" + password + "@"
                    + server.jdbcUrl().substring("jdbc:postgresql://".length());
        }

        @Test
        void aWrongPasswordIsASignInFailure() {
            String message = failureOf(withPassword("wrong-hunter2"));
            assertTrue(message.startsWith("Cannot sign in to PostgreSQL at "), message);
            assertTrue(message.contains("password authentication failed") && message.endsWith("Check the user name and password."),
                    message);
            assertFalse(message.contains("wrong-hunter2"), message);
        }

        @Test
        void aMissingDatabaseIsNamed() {
            JdbcSettings server = JdbcSettings.parse(PostgresAvailable.url().orElseThrow());
            String hostAndPort = server.jdbcUrl().substring("jdbc:postgresql://".length(), server.jdbcUrl().lastIndexOf('/'));
            String message = failureOf("postgres://" + server.username() + ":" + server.password() + "@" + hostAndPort
                    + "/no_such_database");
            assertTrue(message.contains("has no such database") && message.contains("no_such_database"), message);
        }
    }
}

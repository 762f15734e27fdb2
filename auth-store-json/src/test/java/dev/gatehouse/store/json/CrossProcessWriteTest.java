package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.out.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real JVMs (a CLI and a server, say) writing one store at once lose nothing and see each other. */
class CrossProcessWriteTest {

    private static final int WRITES = 60;

    @TempDir
    Path directory;

    private static Process otherProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                StoreWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String finish(Process process, BufferedReader output) throws Exception {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the other JVM did not finish");
        String rest = output.lines().reduce("", (a, b) -> a + b);
        assertEquals(0, process.exitValue(), "the other JVM failed (its stderr is above)");
        return rest;
    }

    @Test
    void writesFromTwoProcessesAtOnceAreAllKept() throws Exception {
        Stores stores = JsonStores.open(directory);
        Process other = otherProcess("users", directory.toString(), "other-", Integer.toString(WRITES));
        BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", output.readLine(), "the other JVM did not start");

        StoreWriterMain.writeUsers(stores, "this-", WRITES);
        finish(other, output);

        List<User> all = JsonStores.open(directory).users().list();
        assertEquals(2 * WRITES, all.size(), "every insert of both processes is there");
        for (User user : all) {
            String prefix = user.username().value().startsWith("this-") ? "this-" : "other-";
            assertEquals("locked by " + prefix, ((UserStatus.Locked) user.status()).reason(), user.toString());
        }
    }

    @Test
    void aSessionEndedByAnotherProcessIsGoneAtTheNextLookup() throws Exception {
        Stores server = JsonStores.open(directory);
        Session session = Samples.session("alice", Instant.now());
        server.sessions().save(session);
        assertEquals(Optional.of(session), server.sessions().findByTokenDigest(session.tokenDigest()));

        Process cli = otherProcess("end-sessions", directory.toString(), "alice");
        BufferedReader output = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("1", finish(cli, output));

        assertEquals(Optional.empty(), server.sessions().findByTokenDigest(session.tokenDigest()));
        assertEquals(Optional.empty(), server.sessions().find(session.id()));
    }

    @Test
    void ofTwoProcessesLinkingTheSameIdentitiesEachIdentityGoesToExactlyOne() throws Exception {
        Stores stores = JsonStores.open(directory);
        Process other = otherProcess("link", directory.toString(), "mallory", Integer.toString(WRITES));
        BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", output.readLine(), "the other JVM did not start");

        int won = StoreWriterMain.link(stores, "alice", WRITES);
        int otherWon = Integer.parseInt(finish(other, output));

        assertEquals(WRITES, won + otherWon, "each identity linked exactly once: " + won + " + " + otherWon);
        Stores again = JsonStores.open(directory);
        assertEquals(WRITES, again.identities().page(Optional.empty(), 1000).size());
        assertEquals(won, again.identities().listFor(dev.gatehouse.core.model.accounts.Username.of("alice")).size());
    }
}

package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRoleCommandTest {

    @TempDir
    Path home;

    private TestCli cli(boolean json) {
        TestCli cli = new TestCli(home, json);
        cli.addUser("admin");
        cli.addUser("bob");
        return cli;
    }

    private boolean isAdmin(TestCli cli, String name) {
        try (Stores stores = cli.openStore()) {
            return stores.users().find(Username.of(name)).orElseThrow().isAdmin();
        }
    }

    @ParameterizedTest(name = "json store: {0}")
    @ValueSource(booleans = {true, false})
    void anOperatorPromotesAndDemotesAUserAndTheLogSaysSo(boolean json) {
        TestCli cli = cli(json);

        TestCli.Run promoted = cli.run("user", "role", "bob", "admin");
        assertEquals("'bob' is now an administrator.\n", promoted.out(), promoted::toString);
        assertTrue(isAdmin(cli, "bob"));
        TestCli.Run again = cli.run("user", "role", "bob", "admin");
        assertEquals("'bob' was already an administrator; nothing changed.\n", again.out());

        TestCli.Run demoted = cli.run("user", "role", "bob", "user");
        assertEquals(0, demoted.exitCode(), demoted::toString);
        assertEquals("'bob' is now a plain user (not an administrator).\n", demoted.out());
        assertEquals(false, isAdmin(cli, "bob"));

        TestCli.Run log = cli.run("audit", "--user", "bob", "--json");
        assertEquals(2, log.out().lines().filter(l -> l.contains("\"user.role_change\"")).count(), log::toString);
        assertTrue(log.out().contains("\"to\": \"user\""), log.out());
    }

    @ParameterizedTest(name = "json store: {0}")
    @ValueSource(booleans = {true, false})
    void theLastAdministratorAndUnknownRolesAreRefusedWithOneLine(boolean json) {
        TestCli cli = cli(json);

        TestCli.Run last = cli.run("user", "role", "admin", "user");
        assertEquals(ExitCodes.REFUSED, last.exitCode(), last::toString);
        assertTrue(last.err().startsWith("gatehouse: cannot change the role of 'admin': "), last.err());
        assertTrue(isAdmin(cli, "admin"));

        TestCli.Run unknown = cli.run("user", "role", "bob", "owner");
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("admin, user"), unknown.err());
    }
}

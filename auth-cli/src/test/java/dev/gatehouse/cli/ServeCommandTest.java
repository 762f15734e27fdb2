package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code gatehouse serve} refuses before it starts anything. */
class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void anUnknownAuthModeIsAUsageErrorNamingTheModes() {
        TestCli.Run run = new TestCli(home).run("serve", "--auth", "github", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("auto, none or apikey"), run::toString);
    }

    @Test
    void apikeyModeWithoutKeysSaysWhereTheKeysGo() {
        TestCli.Run run = new TestCli(home).run("serve", "--auth", "apikey", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("GATEHOUSE_API_KEYS"), run::toString);
    }

    @Test
    void aSessionIdleTimeoutMustBeADuration() {
        TestCli.Run run = new TestCli(home).run("serve", "--session-idle", "soon", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("12h"), run::toString);
    }

    @Test
    void aKeyLifetimeMustBeADurationOrNever() {
        TestCli.Run run = new TestCli(home).run("serve", "--key-lifetime", "forever", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("90d") || run.err().contains("7d"), run::toString);
    }

    @Test
    void helpListsTheAuthModes() {
        TestCli.Run run = new TestCli(home).run("serve", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--auth") && run.out().contains("setup mode"), run::toString);
    }
}

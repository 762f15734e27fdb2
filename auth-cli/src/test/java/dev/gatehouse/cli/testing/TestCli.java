package dev.gatehouse.cli.testing;

import dev.gatehouse.cli.Gatehouse;
import dev.gatehouse.cli.wiring.CliEnvironment;
import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.http.wiring.StoreUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code gatehouse} in-process against a store directory, with captured output, a fixed
 * clock (2025-03-15 10:30 UTC) and a scripted terminal, and signs in through core to check results.
 */
public final class TestCli {

    public static final Instant NOW = Instant.parse("2025-03-15T10:30:00Z");
    public static final String PASSWORD = "correct horse battery";

    private static final PasswordHasher HASHER = PasswordHashers.standard();

    public final Path home;
    public final Map<String, String> variables = new HashMap<>();
    public Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public ScriptedTerminal terminal = ScriptedTerminal.piped("");

    /** A CLI on the JSON store in {@code home}: fast, and readable by the tests. */
    public TestCli(Path home) {
        this(home, true);
    }

    /** A CLI on the JSON store in {@code home}, or with {@code json} false on the default store (SQLite). */
    public TestCli(Path home, boolean json) {
        this.home = home;
        variables.put("GATEHOUSE_HOME", home.toString());
        if (json) {
            variables.put("GATEHOUSE_STORE", "json:" + home);
        }
    }

    /** The store this CLI uses, opened as the server would open it. */
    public Stores openStore() {
        String store = variables.get("GATEHOUSE_STORE");
        return store != null ? StoreUrl.parse(store, "/home/tester").open() : StoreUrl.Database.inHome(home).open();
    }

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public CliEnvironment environment() {
        return new CliEnvironment(variables, terminal, clock, ZoneOffset.UTC, "/home/tester", () -> HASHER);
    }

    public Run run(String... args) {
        CommandLine commandLine = Gatehouse.commandLine(environment());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        terminal = ScriptedTerminal.piped("");
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs with {@code stdin} as standard input and no terminal. */
    public Run runWithStdin(String stdin, String... args) {
        terminal = ScriptedTerminal.piped(stdin);
        return run(args);
    }

    /** {@code user add NAME --password-stdin} with {@link #PASSWORD}, plus {@code extra} options. */
    public Run addUser(String name, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "user";
        args[1] = "add";
        args[2] = name;
        args[3] = "--password-stdin";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return runWithStdin(PASSWORD + "\n", args);
    }

    /** Core's use cases over {@code stores}, as the server would build them, on this CLI's clock and hasher. */
    public UseCases useCases(Stores stores) {
        return new UseCases(stores, HASHER, clock, UseCases.Settings.defaults());
    }

    /** Checks an API key through core's IdentifyCaller against the same store, as the server would, recording its use. */
    public IdentifyCaller.Result identify(String key) {
        try (Stores stores = openStore()) {
            UseCases useCases = useCases(stores);
            IdentifyCaller.Result result = useCases.identifyCaller().identify(key);
            useCases.lastUsedRecorder().flush(); // as the server does every few seconds
            return result;
        }
    }

    /** The name of whoever {@code key} authenticates, or empty if it does not. */
    public java.util.Optional<String> keyOwner(String key) {
        return identify(key) instanceof IdentifyCaller.Identified identified
                ? java.util.Optional.of(identified.principal().username().value()) : java.util.Optional.empty();
    }

    /** Signs in through core's SignIn use case against the same store, as the server would. */
    public SignIn.Result signIn(String name, String password) {
        try (Stores stores = openStore()) {
            return useCases(stores).signIn().signIn(new SignIn.Command(name, Password.of(password), "192.0.2.7", "test"));
        }
    }
}

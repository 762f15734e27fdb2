package dev.gatehouse.cli.wiring;

import dev.gatehouse.cli.support.SystemTerminal;
import dev.gatehouse.cli.support.Terminal;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.crypto.PasswordHashers;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the CLI takes from the world besides its arguments: environment variables, the terminal,
 * the clock, the time zone for listings, the home directory and the password hasher. Tests pass
 * their own.
 */
public record CliEnvironment(Map<String, String> variables, Terminal terminal, Clock clock, ZoneId zone,
                             String userHome, Supplier<PasswordHasher> hasher) {

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(hasher, "hasher");
    }

    /** The real process: its environment, console, UTC clock, local zone and Argon2id. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), new SystemTerminal(), Clock.systemUTC(), ZoneId.systemDefault(),
                System.getProperty("user.home"), PasswordHashers::standard);
    }

    /** The value of an environment variable, if set and not blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}

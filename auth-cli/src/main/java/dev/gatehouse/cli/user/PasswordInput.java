package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.Terminal;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gets a new password: asked twice without echo on a terminal, or one line from standard input
 * with {@code --password-stdin} (read as UTF-8, the line end removed, nothing else trimmed).
 */
public final class PasswordInput {

    private PasswordInput() {
    }

    /** {@code command} is how to run the same thing with {@code --password-stdin}, for the hint. */
    public static Password read(Invocation invocation, Username username, boolean fromStdin, String command) {
        return fromStdin ? fromStdin(invocation.terminal(), command) : prompted(invocation.terminal(), username, command);
    }

    private static Password fromStdin(Terminal terminal, String command) {
        try {
            String line = new BufferedReader(new InputStreamReader(terminal.stdin(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UsageException("No password on standard input; pipe one line, e.g. echo \"$PASSWORD\" | "
                        + command + ".");
            }
            return password(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the password from standard input failed", e);
        }
    }

    private static Password prompted(Terminal terminal, Username username, String command) {
        if (!terminal.interactive()) {
            throw new UsageException("There is no terminal to ask for the password of '" + username
                    + "'; pipe it in instead: echo \"$PASSWORD\" | " + command + ".");
        }
        char[] first = terminal.readPassword("Password for '" + username + "': ");
        char[] second = first == null ? null : terminal.readPassword("Repeat the password: ");
        try {
            if (first == null || second == null) {
                throw new UsageException("No password was entered; nothing was changed.");
            }
            if (!Arrays.equals(first, second)) {
                throw new UsageException("The two passwords differ; nothing was changed. Run the command again.");
            }
            return password(new String(first));
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private static Password password(String text) {
        try {
            return Password.of(text);
        } catch (IllegalArgumentException tooLong) {
            throw new UsageException(tooLong.getMessage());
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}

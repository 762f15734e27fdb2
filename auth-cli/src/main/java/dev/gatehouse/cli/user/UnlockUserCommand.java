package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.UnlockUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user unlock}: restores a locked account (llms.py's --unlockuser). */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Unlock a user so they can sign in again.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse user unlock bob")
public final class UnlockUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The user to unlock.")
    Username username;

    @Override
    public Integer call() {
        return run(invocation(), username);
    }

    public static int run(Invocation invocation, Username username) {
        try (CliWiring app = invocation.open()) {
            UnlockUser.Result result = app.useCases().unlockUser().unlock(invocation.actor(), username);
            if (result instanceof UnlockUser.Unlocked unlocked) {
                invocation.say(unlocked.wasLocked() ? "Unlocked user '" + username + "'."
                        : "User '" + username + "' was not locked; nothing changed.");
                return ExitCodes.OK;
            }
            return invocation.refused("unlock '" + username + "'", (Refused) result);
        }
    }
}

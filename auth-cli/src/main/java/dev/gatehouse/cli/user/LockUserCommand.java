package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.Terminal;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.Refused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user lock}: suspends an account and ends its sessions (llms.py's --lockuser). */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Lock a user: they cannot sign in and all their sessions end. Administrators cannot be locked.",
                       "Without NAME, list the users with their lock status."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user lock bob --reason \"On vacation until March\"",
                  "  gatehouse user lock bob          # asks for a reason [" + UserStatus.DEFAULT_LOCK_REASON + "]",
                  "  gatehouse user lock              # who is locked?"})
public final class LockUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The user to lock.")
    Username username;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why, shown to the user at sign-in. Asked on a terminal; default: "
                    + UserStatus.DEFAULT_LOCK_REASON + ".")
    String reason;

    @Override
    public Integer call() {
        if (username == null) {
            return ListUsersCommand.run(invocation(), ListUsersCommand.Format.TABLE);
        }
        return run(invocation(), username, reason);
    }

    /** Locks {@code username}; a {@code null} reason is asked for on a terminal, else the default. */
    public static int run(Invocation invocation, Username username, String reason) {
        try (CliWiring app = invocation.open()) {
            String why = reason != null ? reason : askReason(invocation.terminal());
            LockUser.Result result = app.useCases().lockUser().lock(invocation.actor(), username, why);
            if (result instanceof LockUser.Locked locked) {
                String stored = ((UserStatus.Locked) locked.user().status()).reason();
                invocation.say("Locked user '" + username + "' (" + stored + "); "
                        + Sessions.ended(locked.sessionsEnded()) + ".");
                return ExitCodes.OK;
            }
            return invocation.refused("lock '" + username + "'", (Refused) result);
        }
    }

    private static String askReason(Terminal terminal) {
        if (!terminal.interactive()) {
            return "";
        }
        String answer = terminal.readLine("Reason [" + UserStatus.DEFAULT_LOCK_REASON + "]: ");
        return answer == null ? "" : answer;
    }
}

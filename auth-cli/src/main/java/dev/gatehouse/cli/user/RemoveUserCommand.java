package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RemoveUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user remove}: deletes an account and ends its sessions (llms.py's --removeuser). */
@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
        description = "Delete a user and end all their sessions.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse user remove alice")
public final class RemoveUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The user to delete.")
    Username username;

    @Override
    public Integer call() {
        return run(invocation(), username);
    }

    public static int run(Invocation invocation, Username username) {
        try (CliWiring app = invocation.open()) {
            RemoveUser.Result result = app.useCases().removeUser().remove(invocation.actor(), username);
            if (result instanceof RemoveUser.Removed removed) {
                invocation.say("Removed user '" + username + "'; " + Sessions.ended(removed.sessionsEnded()) + ".");
                return ExitCodes.OK;
            }
            return invocation.refused("remove '" + username + "'", (Refused) result);
        }
    }
}

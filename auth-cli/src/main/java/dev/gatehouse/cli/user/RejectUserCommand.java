package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RejectUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user reject}: deletes a registration that waits for approval. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a registration that waits for approval: the pending account is deleted.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse user reject mallory")
final class RejectUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The pending user to reject.")
    Username username;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open()) {
            RejectUser.Result result = app.useCases().rejectUser().reject(invocation.actor(), username);
            if (result instanceof RejectUser.Rejected) {
                invocation.say("Rejected user '" + username + "'; the pending account is deleted.");
                return ExitCodes.OK;
            }
            return invocation.refused("reject '" + username + "'", (Refused) result);
        }
    }
}

package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.Refused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user approve}: lets a registration waiting for approval sign in. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a registration that waits for approval (gatehouse user list shows them as Pending).",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse user approve bob")
final class ApproveUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The pending user to approve.")
    Username username;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open()) {
            ApproveUser.Result result = app.useCases().approveUser().approve(invocation.actor(), username);
            if (result instanceof ApproveUser.Approved) {
                invocation.say("Approved user '" + username + "'; they can sign in now.");
                return ExitCodes.OK;
            }
            return invocation.refused("approve '" + username + "'", (Refused) result);
        }
    }
}

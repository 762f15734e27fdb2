package dev.gatehouse.cli.invite;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeInvite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse invite revoke}: withdraws an invite; accounts made with it stay. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an invite that still has registrations left. Accounts made with it stay.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse invite revoke 3kTq9ZbW1xYpLm0A")
final class InviteRevokeCommand extends CliCommand {

    @Parameters(paramLabel = "ID", description = "The invite's id (the ID column of gatehouse invite list).")
    String id;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        InviteId inviteId;
        try {
            inviteId = InviteId.of(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (CliWiring app = invocation.open()) {
            RevokeInvite.Result result = app.useCases().revokeInvite().revoke(invocation.actor(), inviteId);
            if (result instanceof RevokeInvite.Revoked) {
                invocation.say("Revoked invite " + inviteId + ".");
                return ExitCodes.OK;
            }
            return invocation.refused("revoke invite " + inviteId, (Refused) result);
        }
    }
}

package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.Refused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user role}: makes a user an administrator or a plain user. */
@Command(name = "role", mixinStandardHelpOptions = true,
        description = {"Make a user an administrator (admin) or a plain user (user).",
                "It applies to their next request, also on a running server; sessions and keys stay.",
                "Nobody changes their own role, and the last active administrator stays one."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user role alice admin", "  gatehouse user role alice user"})
final class UserRoleCommand extends CliCommand {

    /** The two roles a person can name. */
    enum RoleName { admin, user }

    @Parameters(index = "0", paramLabel = "NAME", description = "The user whose role changes.")
    Username username;

    @Parameters(index = "1", paramLabel = "ROLE", description = "admin or user.")
    RoleName role;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open()) {
            ChangeRole.Result result = app.useCases().changeRole().change(invocation.actor(), username, role == RoleName.admin);
            if (result instanceof ChangeRole.Changed changed) {
                String what = role == RoleName.admin ? "an administrator" : "a plain user (not an administrator)";
                invocation.say(changed.changed() ? "'" + username + "' is now " + what + "."
                        : "'" + username + "' was already " + what + "; nothing changed.");
                return ExitCodes.OK;
            }
            return invocation.refused("change the role of '" + username + "'", (Refused) result);
        }
    }
}

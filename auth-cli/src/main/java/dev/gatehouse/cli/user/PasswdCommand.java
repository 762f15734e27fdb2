package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user passwd}: sets a user's password as the operator; all their sessions end. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Set a new password for an existing user; all their sessions end.",
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user passwd alice      # asks for the new password twice",
                  "  echo \"$PASSWORD\" | gatehouse user passwd alice --password-stdin"})
final class PasswdCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "Whose password to set.")
    Username username;

    @Option(names = "--password-stdin", description = "Read the password as one line from standard input instead of asking.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        String what = "change the password of '" + username + "'";
        try (CliWiring app = invocation.open()) {
            if (ListUsersCommand.find(app, invocation, username).isEmpty()) {
                return invocation.refused(what, Refused.noSuchUser(username));
            }
            Password password = PasswordInput.read(invocation, username, passwordStdin,
                    "gatehouse user passwd " + username + " --password-stdin");
            ChangePassword.Result result = app.useCases().changePassword().change(new ChangePassword.Command(
                    invocation.actor(), username, Optional.empty(), password, Optional.empty()));
            if (result instanceof ChangePassword.Changed changed) {
                invocation.say("Changed the password of '" + username + "'; " + Sessions.ended(changed.sessionsEnded()) + ".");
                return ExitCodes.OK;
            }
            return invocation.refused(what, (Refused) result);
        }
    }
}

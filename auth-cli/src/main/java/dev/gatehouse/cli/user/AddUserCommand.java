package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.Refused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user add}: creates a user, or replaces an existing user's password (llms.py's --adduser). */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Create a user, or set a new password for one that exists (their sessions end).",
                       "The name 'admin' and the very first user always get the Admin role."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user add admin                 # asks for the password twice",
                  "  gatehouse user add alice --admin",
                  "  echo \"$PASSWORD\" | gatehouse user add bob --password-stdin"})
public final class AddUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The username (case-sensitive).")
    Username username;

    @Option(names = "--admin", description = "Give the user the Admin role.")
    boolean admin;

    @Option(names = "--password-stdin", description = "Read the password as one line from standard input instead of asking.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        return run(invocation(), username, admin, passwordStdin,
                "gatehouse user add " + username + (admin ? " --admin" : "") + " --password-stdin");
    }

    public static int run(Invocation invocation, Username username, boolean admin, boolean passwordStdin, String stdinHint) {
        try (CliWiring app = invocation.open()) {
            boolean exists = ListUsersCommand.find(app, invocation, username).isPresent();
            if (exists) {
                invocation.say(alreadyExists(username));
            }
            Password password = PasswordInput.read(invocation, username, passwordStdin, stdinHint);
            AddUser.Result result = app.useCases().addUser().add(new AddUser.Command(invocation.actor(), username, password, admin));
            if (result instanceof AddUser.Created created) {
                invocation.say("Created user '" + username + "'" + (created.user().isAdmin() ? " with the Admin role." : "."));
            } else if (result instanceof AddUser.PasswordReplaced replaced) {
                if (!exists) {
                    invocation.say(alreadyExists(username));
                }
                invocation.say("Updated the password of '" + username + "'" + adminNote(replaced.user())
                        + "; " + Sessions.ended(replaced.sessionsEnded()) + ".");
            } else {
                return invocation.refused("add '" + username + "'", (Refused) result);
            }
            return ExitCodes.OK;
        }
    }

    private static String alreadyExists(Username username) {
        return "User '" + username + "' already exists. Updating password.";
    }

    private static String adminNote(User user) {
        return user.isAdmin() ? " (Admin)" : "";
    }
}

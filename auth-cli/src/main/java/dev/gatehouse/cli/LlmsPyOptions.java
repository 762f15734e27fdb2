package dev.gatehouse.cli;

import dev.gatehouse.cli.support.Converters;
import dev.gatehouse.cli.user.AddUserCommand;
import dev.gatehouse.cli.user.ListUsersCommand;
import dev.gatehouse.cli.user.LockUserCommand;
import dev.gatehouse.cli.user.RemoveUserCommand;
import dev.gatehouse.cli.user.UnlockUserCommand;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import picocli.CommandLine.Option;

/**
 * llms.py's user options, accepted as they are so existing scripts and habits keep working.
 * Each does what the matching {@code gatehouse user} command does; {@code --listusers} and a bare
 * {@code --lockuser} print llms.py's listing format.
 */
final class LlmsPyOptions {

    @Option(names = "--adduser", paramLabel = "NAME", description = "= user add NAME")
    Username addUser;

    @Option(names = "--removeuser", paramLabel = "NAME", description = "= user remove NAME")
    Username removeUser;

    @Option(names = "--listusers", description = "List users in llms.py's format.")
    boolean listUsers;

    @Option(names = "--lockuser", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "= user lock NAME; without NAME, list users with their lock status.")
    String lockUser;

    @Option(names = "--unlockuser", paramLabel = "NAME", description = "= user unlock NAME")
    Username unlockUser;

    int run(Invocation invocation, boolean passwordStdin) {
        if (addUser != null) {
            return AddUserCommand.run(invocation, addUser, false, passwordStdin,
                    "gatehouse --adduser " + addUser + " --password-stdin");
        }
        if (removeUser != null) {
            return RemoveUserCommand.run(invocation, removeUser);
        }
        if (unlockUser != null) {
            return UnlockUserCommand.run(invocation, unlockUser);
        }
        if (lockUser != null && !lockUser.isBlank()) {
            return LockUserCommand.run(invocation, Converters.usernameOrUsage(lockUser, "--lockuser"), null);
        }
        return ListUsersCommand.run(invocation, ListUsersCommand.Format.LLMS_PY);
    }
}

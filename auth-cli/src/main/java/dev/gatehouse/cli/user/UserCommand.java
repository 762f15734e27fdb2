package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse user}: the group of account commands; alone it prints its usage. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage user accounts.",
        subcommands = {AddUserCommand.class, ListUsersCommand.class, ShowUserCommand.class, LockUserCommand.class,
                       UnlockUserCommand.class, UserRoleCommand.class, PasswdCommand.class, RemoveUserCommand.class,
                       ApproveUserCommand.class, RejectUserCommand.class, PermissionsCommand.class,
                       UnlinkIdentityCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user add admin",
                  "  gatehouse user list",
                  "  gatehouse user show alice",
                  "  gatehouse user permissions alice --enable chat --models 'llama-*'",
                  "  gatehouse user add --help"})
public final class UserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gatehouse: 'user' needs a command: add, list, show, lock, unlock, role,"
                + " passwd, remove, approve, reject, permissions or unlink.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}

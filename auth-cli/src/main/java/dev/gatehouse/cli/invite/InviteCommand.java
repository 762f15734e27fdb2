package dev.gatehouse.cli.invite;

import dev.gatehouse.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse invite}: the group of invite commands; alone it prints its usage. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Manage invites: links that let people register (in invite mode, and to skip approval).",
        subcommands = {InviteCreateCommand.class, InviteListCommand.class, InviteRevokeCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse invite create --email bob@example.org --base-url https://ai.example.org",
                  "  gatehouse invite create --uses 5 --expires 2d",
                  "  gatehouse invite list",
                  "  gatehouse invite revoke 3kTq9ZbW1xYpLm0A"})
public final class InviteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gatehouse: 'invite' needs a command: create, list or revoke.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}

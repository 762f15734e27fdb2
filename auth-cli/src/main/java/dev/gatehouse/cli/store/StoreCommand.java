package dev.gatehouse.cli.store;

import dev.gatehouse.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse store}: the group of commands on whole stores; alone it prints its usage. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Work on whole stores: move everything from one to another.",
        subcommands = {MigrateStoreCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse store migrate --from json:~/.llms/user/default/credentials \\",
                  "      --to sqlite:~/.gatehouse/gatehouse.db",
                  "  gatehouse store migrate --help"})
public final class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gatehouse: 'store' needs a command: migrate.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}

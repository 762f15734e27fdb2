package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse token}: the group of API key commands; alone it prints its usage. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Manage users' API keys. Programs send a key as 'Authorization: Bearer KEY' or 'x-api-key: KEY'"
                + " and act as its owner. The CLI acts as an administrator: it makes, lists and revokes anyone's keys."},
        subcommands = {CreateApiKeyCommand.class, ListApiKeysCommand.class, RevokeApiKeyCommand.class,
                       RenameApiKeyCommand.class, ImportApiKeysCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token create --username alice --name laptop --expires 90d",
                  "  gatehouse token list --user alice",
                  "  gatehouse token revoke 3kTq9ZbW1xYpLm0A",
                  "  gatehouse token revoke --all --user alice",
                  "  gatehouse token import --from llmux:~/.local/share/llmux/v2/tokens.json"})
public final class ApiKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gatehouse: 'token' needs a command: create, list, revoke, rename or import.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}

package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RenameApiKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token rename}: gives a key a new label; the key itself does not change. */
@Command(name = "rename", mixinStandardHelpOptions = true,
        description = "Give an API key a new name. The key keeps working unchanged.",
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token rename 3kTq9ZbW1xYpLm0A \"alice's phone\""})
final class RenameApiKeyCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The key's id, from the ID column of 'token list'.")
    String id;

    @Parameters(index = "1", paramLabel = "NAME", description = "The new name: 1 to " + ApiKey.MAX_NAME_LENGTH
            + " characters on one line.")
    String name;

    @Override
    public Integer call() {
        ApiKeyId key = ApiKeyIds.parse(id);
        String checked;
        try {
            checked = ApiKey.checkedName(name);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open()) {
            RenameApiKey.Result result = app.useCases().renameApiKey().rename(invocation.actor(), key, checked);
            if (result instanceof Refused refused) {
                return invocation.refused("rename key '" + key + "'", ApiKeyIds.explained(refused, key));
            }
            invocation.say("Renamed API key '" + key + "' to '" + ((RenameApiKey.Renamed) result).key().name() + "'.");
            return ExitCodes.OK;
        }
    }
}

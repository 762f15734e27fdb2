package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.KeyJson;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.Refused;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse token list}: everyone's keys (or one user's), revoked ones included, never the keys themselves. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {"List API keys, newest first: id, name, owner, prefix, created, expiry, last use and status"
                + " (Active, Revoked, Expired, or Legacy for keys imported or set in GATEHOUSE_API_KEYS).",
                "The keys themselves are never shown: only their first characters."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token list",
                  "  gatehouse token list --user alice",
                  "  gatehouse token list --json | jq -r '.[] | select(.status == \"Active\") | .id'",
                  "",
                  "JSON fields: id, name, owner, prefix, created, expires?, lastUsed?, revoked?, scopes[],",
                  "legacy, status. Times are ISO-8601 in UTC; fields marked ? appear only when known."})
final class ListApiKeysCommand extends CliCommand {

    @Option(names = "--user", paramLabel = "NAME", description = "Only the keys of this user.")
    Username user;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open(settings -> settings.withStaticKeys(invocation.staticKeys()))) {
            ListApiKeys.Result result = app.useCases().listApiKeys().list(invocation.actor(), Optional.ofNullable(user));
            if (result instanceof Refused refused) {
                return invocation.refused("list keys", refused);
            }
            List<ApiKey> keys = ((ListApiKeys.Listed) result).keys();
            Instant now = invocation.environment().clock().instant();
            if (json) {
                invocation.say(KeyJson.array(keys, now));
            } else if (keys.isEmpty()) {
                invocation.say(user == null ? "No API keys yet; make one with: gatehouse token create --username NAME"
                        : "'" + user + "' has no API keys; make one with: gatehouse token create --username " + user);
            } else {
                new KeyTable(invocation.environment().zone(), now).table(keys).forEach(invocation::say);
            }
            return ExitCodes.OK;
        }
    }
}

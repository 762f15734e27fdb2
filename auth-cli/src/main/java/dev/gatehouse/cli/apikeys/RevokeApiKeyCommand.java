package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token revoke}: stops one key, or all of a user's (or everyone's), at once and for good. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke an API key: it stops working at once, also on a running server, and stays listed as"
                + " revoked. With --all, every key of a user, or of everyone."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token revoke 3kTq9ZbW1xYpLm0A          # the ID column of 'gatehouse token list'",
                  "  gatehouse token revoke --all --user alice",
                  "  gatehouse token revoke --all                      # every user's keys"})
final class RevokeApiKeyCommand extends CliCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The key's id, from the ID column of 'token list'.")
    String id;

    @Option(names = "--all", description = "Revoke every key of --user, or of every user.")
    boolean all;

    @Option(names = "--user", paramLabel = "NAME", description = "With --all: only this user's keys.")
    Username user;

    @Override
    public Integer call() {
        if (all == (id != null)) {
            throw new UsageException(all ? "Give either a key ID or --all, not both."
                    : "Say which key to revoke: 'gatehouse token revoke ID' (see 'gatehouse token list'),"
                    + " or 'gatehouse token revoke --all [--user NAME]'.");
        }
        if (user != null && !all) {
            throw new UsageException("--user goes with --all; to revoke one key give only its ID.");
        }
        Invocation invocation = invocation();
        return all ? revokeAll(invocation) : revokeOne(invocation, ApiKeyIds.parse(id));
    }

    private int revokeOne(Invocation invocation, ApiKeyId key) {
        try (CliWiring app = invocation.open()) {
            RevokeApiKeys.Result result = app.useCases().revokeApiKeys().revoke(invocation.actor(), key);
            if (result instanceof Refused refused) {
                return invocation.refused("revoke key '" + key + "'", ApiKeyIds.explained(refused, key));
            }
            invocation.say(((RevokeApiKeys.Revoked) result).count() == 1 ? "Revoked API key '" + key + "'."
                    : "API key '" + key + "' was revoked already; nothing changed.");
            return ExitCodes.OK;
        }
    }

    private int revokeAll(Invocation invocation) {
        try (CliWiring app = invocation.open()) {
            RevokeApiKeys.Result result = app.useCases().revokeApiKeys().revokeAll(invocation.actor(), Optional.ofNullable(user));
            if (result instanceof Refused refused) {
                return invocation.refused("revoke keys", refused);
            }
            int count = ((RevokeApiKeys.Revoked) result).count();
            invocation.say("Revoked " + count + (count == 1 ? " API key" : " API keys")
                    + (user == null ? " of every user." : " of '" + user + "'.")
                    + (count == 0 ? " (None was active.)" : ""));
            return ExitCodes.OK;
        }
    }
}

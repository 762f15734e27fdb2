package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.KeyJson;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.KeyExpiry;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse token create}: mints a key for a user and prints it once. */
@Command(name = "create", aliases = "new", mixinStandardHelpOptions = true,
        description = {"Make a new API key for a user and print it once. Only its digest is stored: it cannot be shown"
                + " again, so copy it now. The key alone goes to standard output, the notes around it to standard error,"
                + " so KEY=$(gatehouse token create ...) captures just the key."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token create --username alice                  # named alice-YYYY-MM-DD, expires in 1 year",
                  "  gatehouse token create --username alice --name laptop --expires 90d",
                  "  gatehouse token create --username ci --expires 2027-01-31 --scope chat --scope models:llama-*",
                  "  KEY=$(gatehouse token create --username alice --expires never)",
                  "  gatehouse token create --username alice --json | jq -r .key",
                  "",
                  "--json prints {\"token\": {id, name, owner, prefix, created, expires?, scopes, legacy, status},"
                          + " \"key\": \"gate_...\"}."})
final class CreateApiKeyCommand extends CliCommand {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Option(names = {"--username", "-u"}, paramLabel = "NAME", required = true,
            description = "Whose key it is: the key acts as this user, with their rights (required).")
    Username username;

    @Option(names = "--name", paramLabel = "NAME",
            description = "A label to tell keys apart, e.g. laptop or ci (default: USERNAME-YYYY-MM-DD).")
    String name;

    @Option(names = "--expires", paramLabel = "WHEN",
            description = "When the key stops working: a duration (30d, 90d, 1y), a date (2027-01-31, from 00:00 UTC)"
                    + " or never (default: GATEHOUSE_KEY_LIFETIME, else 1 year).")
    String expires;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Narrow the key to this scope (repeatable, e.g. chat or models:llama-*); without any the key"
                    + " has all of the user's rights. A key with scopes is for the AI server; add gatehouse:manage to"
                    + " let it manage Gatehouse too.")
    List<String> scopes;

    @Option(names = "--json", description = "Print the key and its details as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        Instant now = invocation.environment().clock().instant();
        KeyExpiry expiry = expires == null ? KeyExpiry.byDefault() : checkedExpiry(expires, now);
        Optional<String> label = Optional.ofNullable(name).map(CreateApiKeyCommand::checkedName);
        Set<String> asked = checkedScopes(scopes == null ? List.of() : scopes);
        try (CliWiring app = invocation.open(settings -> settings.withKeys(invocation.keyPolicy()))) {
            MintApiKey.Result result = app.useCases().mintApiKey().mint(new MintApiKey.Command(invocation.actor(),
                    Optional.of(username), label, expiry.at(), asked, expiry.never()));
            if (result instanceof Refused refused) {
                return invocation.refused("make a key for '" + username + "'", refused);
            }
            MintApiKey.Minted minted = (MintApiKey.Minted) result;
            if (json) {
                invocation.say("{\"token\": " + KeyJson.object(minted.key(), now) + ", \"key\": "
                        + UserJson.string(minted.secret()) + "}");
            } else {
                note(invocation, "Created API key '" + minted.key().name() + "' (id " + minted.key().id() + ") for '"
                        + username + "'" + expiryNote(minted.key()) + scopeNote(minted.key()) + ":");
                invocation.say(minted.secret());
                note(invocation, "Copy it now: it will not be shown again. Programs send it as 'Authorization: Bearer KEY'.");
            }
            return ExitCodes.OK;
        }
    }

    private static void note(Invocation invocation, String line) {
        invocation.err().println(line);
        invocation.err().flush();
    }

    private static String expiryNote(ApiKey key) {
        return key.expiresAt().map(at -> ", expires " + EXPIRY.format(at)).orElse(", never expires");
    }

    private static String scopeNote(ApiKey key) {
        return key.scopes().isEmpty() ? "" : ", scopes " + String.join(" ", key.scopes());
    }

    /** {@code --expires} read at {@code now}; a bad or past value is a usage error naming the forms. */
    private static KeyExpiry checkedExpiry(String text, Instant now) {
        KeyExpiry expiry;
        try {
            expiry = KeyExpiry.parse(text, now);
        } catch (KeyExpiry.Unreadable unreadable) {
            throw new UsageException(switch (unreadable.kind()) {
                case DATE -> "--expires '" + text.strip() + "' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-31.";
                case TIME -> "--expires '" + text.strip() + "' is not a time; write it as 2027-01-31T12:00:00Z (UTC),"
                        + " or give " + KeyExpiry.FORMS + ".";
                case OTHER -> "--expires '" + text + "' is not an expiry; give " + KeyExpiry.FORMS + ".";
            });
        }
        if (expiry.at().isPresent() && !expiry.at().get().isAfter(now)) {
            throw new UsageException("--expires '" + text + "' is not in the future (it is " + expiry.at().get()
                    + "); give a later date or a duration such as 90d.");
        }
        return expiry;
    }

    private static String checkedName(String text) {
        try {
            return ApiKey.checkedName(text);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException("--name: " + invalid.getMessage());
        }
    }

    private static Set<String> checkedScopes(List<String> scopes) {
        try {
            return ApiKey.checkedScopes(new LinkedHashSet<>(scopes));
        } catch (IllegalArgumentException invalid) {
            throw new UsageException("--scope: " + invalid.getMessage());
        }
    }
}

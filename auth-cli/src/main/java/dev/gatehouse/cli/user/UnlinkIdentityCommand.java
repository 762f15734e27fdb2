package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.in.DisconnectIdentity;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.Refused;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse user unlink}: disconnects an identity at a provider from an account, named as
 * {@code user show} lists it ({@code github:octocat}) or by the provider's stable id.
 */
@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = {"Disconnect an identity at a provider from a user: it no longer signs in to the account.",
                       "An account without a password keeps its last identity; set a password first."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user unlink alice github:octocat",
                  "  gatehouse user unlink alice keycloak:f:3c9e11ef-8d2b   # by subject, as user show --json lists it"})
public final class UnlinkIdentityCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user to disconnect the identity from.")
    Username username;

    @Parameters(index = "1", paramLabel = "PROVIDER:LOGIN",
            description = "The identity, as user show lists it (github:octocat); instead of the login, the provider's"
                    + " stable id (the subject in user show --json) also works.")
    String identity;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        int colon = identity.indexOf(':');
        if (colon < 1 || colon == identity.length() - 1) {
            throw new UsageException("'" + identity + "' names no identity; write PROVIDER:LOGIN, e.g. github:octocat"
                    + " (gatehouse user show " + username + " lists them).");
        }
        ProviderName provider;
        try {
            provider = ProviderName.of(identity.substring(0, colon));
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
        String name = identity.substring(colon + 1);
        String what = "unlink " + identity + " from '" + username + "'";
        try (CliWiring app = invocation.open()) {
            ListSignInMethods.Result listed = app.useCases().listSignInMethods().list(invocation.actor(), username);
            if (listed instanceof Refused refused) {
                return invocation.refused(what, refused);
            }
            List<IdentityLink> candidates = matching(((ListSignInMethods.Methods) listed).links(), provider, name);
            if (candidates.isEmpty()) {
                return invocation.refused(what, new Refused(Refused.Reason.NOT_FOUND, "'" + username + "' has no "
                        + provider + " identity '" + name + "'; gatehouse user show " + username + " lists them."));
            }
            if (candidates.size() > 1) {
                return invocation.refused(what, new Refused(Refused.Reason.INVALID, "'" + username + "' has "
                        + candidates.size() + " " + provider + " identities with the login '" + name + "'; name one by"
                        + " its subject instead: " + candidates.stream().map(l -> provider + ":" + l.subject())
                        .collect(Collectors.joining(", ")) + "."));
            }
            IdentityLink link = candidates.get(0);
            DisconnectIdentity.Result result = app.useCases().disconnectIdentity()
                    .disconnect(new DisconnectIdentity.Command(invocation.actor(), username, provider, link.subject()));
            if (result instanceof DisconnectIdentity.Disconnected) {
                invocation.say("Unlinked " + link.label() + " from '" + username + "'; it no longer signs in there.");
                return ExitCodes.OK;
            }
            return invocation.refused(what, (Refused) result);
        }
    }

    /** The link whose subject is {@code name}, else those whose login is (a subject never changes; a login may). */
    private static List<IdentityLink> matching(List<IdentityLink> links, ProviderName provider, String name) {
        List<IdentityLink> atProvider = links.stream().filter(l -> l.provider().equals(provider)).toList();
        List<IdentityLink> bySubject = atProvider.stream().filter(l -> l.subject().equals(name)).toList();
        return bySubject.isEmpty() ? atProvider.stream().filter(l -> l.login().equals(name)).toList() : bySubject;
    }
}

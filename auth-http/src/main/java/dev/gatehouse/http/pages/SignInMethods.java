package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.ListSignInMethods;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "Sign-in methods" of one account, for My Account and an administrator's page of a user:
 * whether it has a password, its provider identities (each with whether it may be disconnected,
 * or why not), and the configured providers it could still connect. {@code readable} is false
 * when the methods could not be read; the section then says so.
 */
public record SignInMethods(boolean readable, boolean password, List<Identity> identities,
                            List<SignInChoices.Provider> connectable) {

    /** Said next to the one identity that is an account's last way in. */
    static final String LAST_WAY_IN = "This is the only way into the account: connect another provider"
            + " (or set a password) before disconnecting it.";

    public SignInMethods {
        identities = List.copyOf(identities);
        connectable = List.copyOf(connectable);
    }

    /** One linked identity; {@code email} is empty when the provider verified none; {@code lastUsed} may be null. */
    public record Identity(String provider, String providerName, String subject, String login, String email,
                           Moment linked, Moment lastUsed, boolean removable) {

        /** {@code keycloak:alice}, as the audit log and the CLI name it. */
        public String label() {
            return provider + ":" + login;
        }

        /** Why there is no Disconnect, when there is none. */
        public String keptBecause() {
            return removable ? "" : LAST_WAY_IN;
        }
    }

    /** The section when the methods could not be read. */
    static SignInMethods unreadable() {
        return new SignInMethods(false, false, List.of(), List.of());
    }

    static SignInMethods of(ListSignInMethods.Methods methods, SignInChoices choices, Instant now) {
        boolean lastWayIn = methods.count() <= 1;
        List<Identity> identities = methods.links().stream().map(l -> identity(l, choices, !lastWayIn, now)).toList();
        Set<String> linked = methods.links().stream().map(l -> l.provider().value()).collect(Collectors.toSet());
        List<SignInChoices.Provider> connectable = choices.providers().stream()
                .filter(p -> !linked.contains(p.name())).toList();
        return new SignInMethods(true, methods.password(), identities, connectable);
    }

    private static Identity identity(IdentityLink link, SignInChoices choices, boolean removable, Instant now) {
        return new Identity(link.provider().value(), choices.displayName(link.provider()), link.subject(), link.login(),
                link.email().orElse(""), Moment.of(link.linkedAt(), now),
                link.lastUsedAt().map(at -> Moment.of(at, now)).orElse(null), removable);
    }
}

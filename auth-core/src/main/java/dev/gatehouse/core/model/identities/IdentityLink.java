package dev.gatehouse.core.model.identities;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One way into an account through a provider: the person {@code subject} at {@code provider}
 * signs in as {@code username}. One subject of one provider belongs to at most one account; an
 * account may have any number of links (GitHub and Keycloak, two Keycloak realms).
 *
 * @param login      how the provider named the person at the last sign-in, for lists ({@code octocat})
 * @param email      the address the provider gave <em>and verified</em> at the last sign-in, if any: an
 *                   unverified one is not kept, so a link's address can prove the account's
 *                   (linking by email relies on it)
 * @param linkedAt   when the link was made
 * @param lastUsedAt when it was last used to sign in
 */
public record IdentityLink(ProviderName provider, String subject, Username username, String login,
                           Optional<String> email, Instant linkedAt, Optional<Instant> lastUsedAt) {

    public IdentityLink {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(email, "email");
        linkedAt = Times.truncate(Objects.requireNonNull(linkedAt, "linkedAt"));
        lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt").map(Times::truncate);
    }

    /** A new link from a verified identity, made now; it keeps the address only if the provider verified it. */
    public static IdentityLink of(ExternalIdentity identity, Username username, Instant now) {
        return new IdentityLink(identity.provider(), identity.subject(), username, identity.login(),
                identity.verifiedEmail(), now, Optional.of(now));
    }

    /**
     * The link after a sign-in at {@code now}: the provider's current login and verified address
     * are kept (an address no longer verified is dropped).
     */
    public IdentityLink usedAt(ExternalIdentity identity, Instant now) {
        return new IdentityLink(provider, subject, username, identity.login(), identity.verifiedEmail(), linkedAt,
                Optional.of(now));
    }

    /** {@code github:octocat}. */
    public String label() {
        return provider + ":" + login;
    }
}

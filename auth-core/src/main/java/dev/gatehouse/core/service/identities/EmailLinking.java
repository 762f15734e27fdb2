package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.UserStore;
import java.util.List;

/**
 * When a new identity's email address may link it to an existing account, and when it only
 * keeps the identity out (the rules in docs/oauth.md). Linking needs all four: the operator turned
 * linking by email on; the provider verified the address; the operator trusts this provider's
 * verified addresses; and the account's address is proven. An account's address is proven when
 * <ul>
 *   <li>a provider the operator trusts for email verified it: one of the account's own links
 *       carries it (links keep only verified addresses), or</li>
 *   <li>the account registered with an invite bound to it: the invite reached that mailbox.</li>
 * </ul>
 * An address typed at registration, imported from llms.py, or set by an administrator is not:
 * nothing records who set it or whether it was ever checked.
 */
final class EmailLinking {

    private final UserStore users;
    private final IdentityLinkStore links;
    private final InviteStore invites;
    private final ProviderSettings settings;

    EmailLinking(UserStore users, IdentityLinkStore links, InviteStore invites, ProviderSettings settings) {
        this.users = users;
        this.links = links;
        this.invites = invites;
        this.settings = settings;
    }

    /** The accounts with the identity's address (verified or not); empty when it gave none. */
    List<User> holders(ExternalIdentity identity) {
        if (identity.email().isEmpty()) {
            return List.of();
        }
        String address = identity.email().get();
        // The store has no index by address; this runs only at a new identity's first sign-in.
        return users.list().stream().filter(user -> user.email().filter(e -> EmailAddress.same(e, address)).isPresent())
                .toList();
    }

    /** True if {@code identity} may be linked to {@code account}, its one holder of the address. */
    boolean mayLink(ExternalIdentity identity, User account) {
        return settings.linkByEmail() && identity.emailVerified()
                && settings.rulesFor(identity.provider()).trustedForEmail() && proven(account);
    }

    private boolean proven(User account) {
        String address = account.email().orElseThrow();
        boolean byProvider = links.listFor(account.username()).stream()
                .filter(link -> LinkOwner.belongsTo(link, account))
                .filter(link -> settings.rulesFor(link.provider()).trustedForEmail())
                .anyMatch(link -> sameAddress(link, address));
        return byProvider || invites.list().stream().anyMatch(invite -> registeredWith(invite, account, address));
    }

    private static boolean sameAddress(IdentityLink link, String address) {
        return link.email().filter(e -> EmailAddress.same(e, address)).isPresent();
    }

    private static boolean registeredWith(Invite invite, User account, String address) {
        return invite.email().filter(e -> EmailAddress.same(e, address)).isPresent()
                && invite.uses().stream().anyMatch(use -> use.username().equals(account.username())
                        && !use.at().isBefore(account.createdAt()));
    }
}

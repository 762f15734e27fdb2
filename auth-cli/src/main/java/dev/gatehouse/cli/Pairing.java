package dev.gatehouse.cli;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.KeyPolicy;
import dev.gatehouse.core.service.ListUsersService;
import dev.gatehouse.core.service.MintApiKeyService;
import dev.gatehouse.core.service.TokenDigests;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The key {@code gatehouse serve} offers for pairing a phone or app: a fresh key of the first
 * administrator (or of a named user), named {@code pairing-YYYY-MM-DD} and audited like every
 * minted key, and the server URL carrying it in its fragment ({@code #token=KEY}, as llmux's
 * pairing does), which browsers never send to a server or put in a Referer.
 */
final class Pairing {

    /** What a pairing made: whose key, its id, its name and the link carrying it. */
    record Link(Username owner, String keyId, String keyName, String url) {
        @Override
        public String toString() {
            return "Link[" + owner + ", " + keyId + ", " + keyName + "]";
        }
    }

    private final ListUsers users;
    private final MintApiKey mint;
    private final Clock clock;

    /** Pairing keys in {@code stores}, living as long as {@code policy} says (the server's key lifetime). */
    Pairing(Stores stores, KeyPolicy policy, Clock clock) {
        SecureRandomSource random = SecureRandomSource.system();
        this.users = new ListUsersService(stores.users());
        this.mint = new MintApiKeyService(stores.users(), stores.apiKeys(), new TokenDigests(random, stores.secrets()),
                random, policy, new AuditTrail(stores.audit(), clock), clock);
        this.clock = clock;
    }

    /**
     * Whose key to offer: {@code asked}, who must be an active user (else a usage error saying
     * so), or the oldest active administrator; empty when there is none yet (setup mode).
     */
    Optional<Username> owner(Optional<Username> asked) {
        java.util.List<User> all = ((ListUsers.Listed) users.list(Actor.operator())).users();
        if (asked.isPresent()) {
            User user = all.stream().filter(u -> u.username().equals(asked.get())).findFirst()
                    .orElseThrow(() -> new UsageException("--qr-owner: there is no user '" + asked.get() + "'; add them"
                            + " first (gatehouse user add " + asked.get() + ") or leave the option out to pair as the"
                            + " first administrator."));
            if (!user.status().isActive()) {
                throw new UsageException("--qr-owner: '" + user.username() + "' is " + user.status().label()
                        .toLowerCase(java.util.Locale.ROOT) + " and cannot get keys; name an active user.");
            }
            return asked;
        }
        return oldestActiveAdministrator(all);
    }

    /** The oldest active administrator of {@code users}, if any: who pairing and v1 key imports default to. */
    static Optional<Username> oldestActiveAdministrator(java.util.List<User> users) {
        return users.stream().filter(u -> u.isAdmin() && u.status().isActive())
                .min(Comparator.comparing(User::createdAt).thenComparing(User::username)).map(User::username);
    }

    /** Mints the pairing key of {@code owner} and the link to {@code baseUrl} carrying it. */
    Link link(Username owner, String baseUrl) {
        String name = "pairing-" + clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        MintApiKey.Result result = mint.mint(new MintApiKey.Command(Actor.operator(), Optional.of(owner),
                Optional.of(name), Optional.empty(), Set.of()));
        if (result instanceof Refused refused) {
            throw new UsageException("Cannot make a pairing key for '" + owner + "': " + refused.message());
        }
        MintApiKey.Minted minted = (MintApiKey.Minted) result;
        return new Link(owner, minted.key().id().value(), name, baseUrl + "/#token=" + minted.secret());
    }
}

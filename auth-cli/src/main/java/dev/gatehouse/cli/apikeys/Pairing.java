package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key {@code gatehouse serve --pair} offers for pairing a phone or app: a fresh key of the
 * first administrator (or of a named user), named {@code pairing-YYYY-MM-DD} and audited like
 * every minted key, and the server URL carrying it in its fragment ({@code #token=KEY}, as llmux's
 * pairing does), which browsers never send to a server or put in a Referer. The key is narrow and
 * short-lived, because it is printed (and may be logged): scoped to {@link #SCOPES} — every model
 * the owner may use through the AI server, and nothing that manages Gatehouse (scoped keys are
 * refused there) — and living {@link #DEFAULT_LIFETIME} unless asked otherwise; an app that keeps
 * it exchanges it at once for a key of its own ({@code POST /api/keys} with the same scope). A new
 * pairing revokes the pairing keys made before it.
 */
public final class Pairing {

    /** What a pairing made: whose key, its id, its name and the link carrying it. */
    public record Link(Username owner, String keyId, String keyName, String url) {
        @Override
        public String toString() {
            return "Link[" + owner + ", " + keyId + ", " + keyName + "]";
        }
    }

    /** What a pairing key may do: use any model its owner may (a key with a scope manages nothing). */
    static final Set<String> SCOPES = Set.of("models:*");
    /** The name a pairing gives its key: {@code pairing-YYYY-MM-DD}. */
    private static final Pattern NAME = Pattern.compile("pairing-\\d{4}-\\d{2}-\\d{2}");
    /** Keys read from the store at a time while looking for earlier pairing keys. */
    private static final int PAGE = 500;
    /** How long a pairing key lives unless {@code --pair-lifetime} says otherwise. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private final ListUsers users;
    private final ApiKeyStore keys;
    private final RevokeApiKeys revoke;
    private final MintApiKey mint;
    private final Clock clock;

    /** Pairing keys made and revoked by {@code useCases} (new keys living as its settings say: the server's lifetime). */
    public Pairing(UseCases useCases, ApiKeyStore keys, Clock clock) {
        this.users = useCases.listUsers();
        this.keys = keys;
        this.revoke = useCases.revokeApiKeys();
        this.mint = useCases.mintApiKey();
        this.clock = clock;
    }

    /**
     * Whose key to offer: {@code asked}, who must be an active user (else a usage error saying
     * so), or the oldest active administrator; empty when there is none yet (setup mode).
     */
    public Optional<Username> owner(Optional<Username> asked) {
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

    /**
     * Revokes the pairing keys made before (live keys named {@code pairing-…} with the pairing
     * scope, whoever owns them), then mints the pairing key of {@code owner}, living
     * {@code lifetime}, and the link to {@code baseUrl} carrying it.
     */
    public Link link(Username owner, String baseUrl, Duration lifetime) {
        revokePrevious();
        String name = "pairing-" + clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        MintApiKey.Result result = mint.mint(new MintApiKey.Command(Actor.operator(), Optional.of(owner),
                Optional.of(name), Optional.of(clock.instant().plus(lifetime)), SCOPES));
        if (result instanceof Refused refused) {
            throw new UsageException("Cannot make a pairing key for '" + owner + "': " + refused.message());
        }
        MintApiKey.Minted minted = (MintApiKey.Minted) result;
        return new Link(owner, minted.key().id().value(), name, baseUrl + "/#token=" + minted.secret());
    }

    /** How many earlier pairing keys were revoked. */
    int revokePrevious() {
        int revoked = 0;
        Optional<ApiKeyId> after = Optional.empty();
        while (true) {
            List<ApiKey> page = keys.page(after, PAGE);
            for (ApiKey key : page) {
                if (isPairingKey(key) && !key.isRevoked()
                        && revoke.revoke(Actor.operator(), key.id()) instanceof RevokeApiKeys.Revoked done) {
                    revoked += done.count();
                }
            }
            if (page.size() < PAGE) {
                return revoked;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    /** A key a pairing made: its name and its scope say so (an older unscoped pairing key is left to its owner). */
    static boolean isPairingKey(ApiKey key) {
        return NAME.matcher(key.name()).matches() && key.scopes().equals(SCOPES)
                && key.origin() == ApiKey.Origin.MINTED;
    }
}

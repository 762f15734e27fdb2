package dev.gatehouse.http.api.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.apikeys.ApiKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One API key as the API shows it: never its secret or digest. {@code prefix} is the start of the
 * key, for telling keys apart; {@code legacy} marks keys from configuration or another system,
 * which are read-only. Times are ISO-8601 instants; {@code expires}, {@code lastUsed} and
 * {@code revoked} are left out when they do not apply.
 */
@Serdeable
record ApiKeyView(String id, String name, String owner, String prefix, String created, @Nullable String expires,
                 @Nullable String lastUsed, @Nullable String revoked,
                 @JsonInclude(JsonInclude.Include.ALWAYS) List<String> scopes, boolean legacy) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id().value(), key.name(), key.owner().value(), key.displayPrefix(),
                key.createdAt().toString(), text(key.expiresAt().orElse(null)), text(key.lastUsedAt().orElse(null)),
                text(key.revokedAt().orElse(null)), List.copyOf(key.scopes()), key.isLegacy());
    }

    @Nullable
    private static String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    /** A user as the listing names them: who is asking, and (for administrators) whom a key can be made for. */
    @Serdeable
    record Owner(String username, boolean admin) {
        static Owner of(User user) {
            return new Owner(user.username().value(), user.isAdmin());
        }
    }

    /** The body of {@code GET /api/tokens}; {@code users} only for administrators. */
    @Serdeable
    record Listing(Owner me, List<ApiKeyView> tokens, @Nullable List<Owner> users) {
    }

    /** The body of {@code POST /api/tokens}: the new key's listing and, this once, the key itself. */
    @Serdeable
    record Minted(ApiKeyView token, String key) {
    }
}

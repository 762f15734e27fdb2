package dev.gatehouse.http.api.apikeys;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.apikeys.KeyExpiry;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.http.access.KeyRefusals;
import dev.gatehouse.http.access.KeyScopes;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonBody;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /api/tokens} reads from requests and how it answers core's refusals: a key that is
 * not there is {@code 404 token_not_found}, an owner who is not there {@code 404 user_not_found},
 * someone else's key {@code 403 forbidden}, anything malformed {@code 400 bad_request}.
 */
@Singleton
class ApiKeyAnswers {

    static final String MINT_EXAMPLE = "{\"name\": \"laptop\", \"username\": \"alice\", \"expires\": \"90d\","
            + " \"scopes\": []}";
    static final String RENAME_EXAMPLE = "{\"name\": \"laptop\"}";

    private final StaticKeys staticKeys;
    private final KeyPolicy policy;
    private final Clock clock;

    ApiKeyAnswers(StaticKeys staticKeys, KeyPolicy policy, Clock clock) {
        this.staticKeys = staticKeys;
        this.policy = policy;
        this.clock = clock;
    }

    /** The mint request in {@code json}; a key with scopes asks only for keys narrower than itself. */
    MintApiKey.Command mintCommand(Caller caller, JsonBody json) {
        Optional<String> name = json.optionalText("name");
        Optional<Username> owner = json.optionalText("username").map(ApiKeyAnswers::username);
        KeyExpiry expiry;
        try {
            expiry = json.optionalText("expires").map(text -> KeyExpiry.parse(text, clock.instant()))
                    .orElseGet(KeyExpiry::byDefault);
        } catch (KeyExpiry.Unreadable e) {
            throw ApiErrorException.badRequest("The field 'expires': " + e.getMessage());
        }
        Set<String> scopes = new LinkedHashSet<>(json.optionalTexts("scopes"));
        if (caller.scoped()) {
            expiry = narrower(caller.key().orElseThrow(), owner, scopes, expiry);
        }
        return new MintApiKey.Command(caller.actor(), owner, name, expiry.at(), scopes, expiry.never());
    }

    /**
     * A key with scopes makes only keys that can do less than itself: for its own owner, with scopes
     * inside its own ({@link KeyScopes}), and gone no later than itself. Asked for nothing, the new key
     * expires at the policy's default or with the key that makes it, whichever comes first.
     */
    private KeyExpiry narrower(ApiKey maker, Optional<Username> owner, Set<String> scopes, KeyExpiry asked) {
        if (owner.isPresent() && !owner.get().equals(maker.owner())) {
            throw refusal("This key has scopes, so it makes keys only for its own owner ('" + maker.owner()
                    + "'); leave 'username' out, or sign in to make keys for others.");
        }
        Set<String> checked;
        try {
            checked = ApiKey.checkedScopes(scopes);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The field 'scopes': " + e.getMessage());
        }
        if (!KeyScopes.narrower(maker.scopes(), checked)) {
            throw refusal("This key is limited to the scopes " + String.join(", ", maker.scopes()) + ", so the keys"
                    + " it makes must be too: ask in 'scopes' for some of them or narrower ones (every kind it limits,"
                    + " features and models:, limited again).");
        }
        if (maker.expiresAt().isEmpty()) {
            return asked;
        }
        Instant end = maker.expiresAt().get();
        if (asked.never() || asked.at().filter(end::isBefore).isPresent()) {
            throw refusal("This key expires " + end + ", and the keys it makes may not outlive it; ask for an"
                    + " earlier 'expires' or leave it out.");
        }
        if (asked.at().isPresent()) {
            return asked;
        }
        Instant byPolicy = policy.defaultLifetime().map(clock.instant()::plus).orElse(end);
        return new KeyExpiry(Optional.of(byPolicy.isBefore(end) ? byPolicy : end), false);
    }

    private static ApiErrorException refusal(String message) {
        return new ApiErrorException(ApiError.response(io.micronaut.http.HttpStatus.FORBIDDEN,
                KeyRefusals.SCOPE_FORBIDDEN, message));
    }

    /** A refused mint; naming no owner as a caller without an account (a static key) asks for one. */
    HttpResponse<?> mintRefused(Caller caller, MintApiKey.Command command, Refused refused) {
        if (refused.reason() == Refused.Reason.NOT_FOUND && command.owner().isEmpty()) {
            return ApiError.badRequest("'" + caller.user().username() + "' is a built-in administrator without an"
                    + " account, so it cannot own keys; name the owner, e.g. {\"username\": \"alice\"}.");
        }
        return refused(refused, Optional.empty());
    }

    /** Core's refusal as HTTP; {@code key} is the key the request named, if it named one. */
    HttpResponse<?> refused(Refused refused, Optional<ApiKeyId> key) {
        return switch (refused.reason()) {
            case NOT_FOUND -> key.isPresent() ? noSuchKey(key.get().value()) : ApiError.refused(refused, "manage_tokens");
            case NOT_ALLOWED -> ApiError.forbidden(refused.message());
            case INVALID -> ApiError.badRequest(refused.message());
            default -> ApiError.refused(refused, "manage_tokens");
        };
    }

    /** The key id in a path; one no key can have is {@code 404 token_not_found}. */
    ApiKeyId keyId(String id) {
        try {
            return ApiKeyId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(noSuchKey(id));
        }
    }

    private io.micronaut.http.MutableHttpResponse<ApiError> noSuchKey(String id) {
        boolean configured = staticKeys.listed().stream().anyMatch(k -> k.id().value().equals(id));
        String shown = id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return ApiError.tokenNotFound(configured
                ? "'" + id + "' is a key from " + StaticKeys.SOURCE + ": it is read-only here and changes only with the"
                        + " server's configuration."
                : Refused.noSuchKey(shown.replaceAll("\\p{Cntrl}", "?")).message());
    }

    private static Username username(String text) {
        try {
            return Username.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The field 'username': " + e.getMessage());
        }
    }
}

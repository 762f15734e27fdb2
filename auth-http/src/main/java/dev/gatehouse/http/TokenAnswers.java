package dev.gatehouse.http;

import dev.gatehouse.core.model.ApiKeyId;
import dev.gatehouse.core.model.KeyExpiry;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.service.StaticKeys;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /api/tokens} reads from requests and how it answers core's refusals: a key that is
 * not there is {@code 404 token_not_found}, an owner who is not there {@code 404 user_not_found},
 * someone else's key {@code 403 forbidden}, anything malformed {@code 400 bad_request}.
 */
@Singleton
class TokenAnswers {

    static final String MINT_EXAMPLE = "{\"name\": \"laptop\", \"username\": \"alice\", \"expires\": \"90d\","
            + " \"scopes\": []}";
    static final String RENAME_EXAMPLE = "{\"name\": \"laptop\"}";

    private final StaticKeys staticKeys;
    private final Clock clock;

    TokenAnswers(StaticKeys staticKeys, Clock clock) {
        this.staticKeys = staticKeys;
        this.clock = clock;
    }

    /** The mint request in {@code json}; a key with scopes asks only for keys narrower than itself. */
    MintApiKey.Command mintCommand(Caller caller, JsonBody json) {
        Optional<String> name = json.optionalText("name");
        Optional<Username> owner = json.optionalText("username").map(TokenAnswers::username);
        KeyExpiry expiry;
        try {
            expiry = json.optionalText("expires").map(text -> KeyExpiry.parse(text, clock.instant()))
                    .orElseGet(KeyExpiry::byDefault);
        } catch (KeyExpiry.Unreadable e) {
            throw ApiErrorException.badRequest("The field 'expires': " + e.getMessage());
        }
        Set<String> scopes = new LinkedHashSet<>(json.optionalTexts("scopes"));
        Set<String> callerScopes = caller.key().map(k -> k.scopes()).orElse(Set.of());
        if (!callerScopes.isEmpty() && (scopes.isEmpty() || !scopes.stream().allMatch(caller::permits))) {
            throw new ApiErrorException(ApiError.forbidden("This key is limited to the scopes " + callerScopes
                    + ", so the keys it makes must be too: ask for some of them in 'scopes'."));
        }
        return new MintApiKey.Command(caller.actor(), owner, name, expiry.at(), scopes, expiry.never());
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

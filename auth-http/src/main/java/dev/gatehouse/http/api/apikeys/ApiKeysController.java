package dev.gatehouse.http.api.apikeys;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys: everyone lists, renames and revokes their own and mints keys for themselves;
 * administrators do all of it for anyone. Core decides who may; {@link ApiKeyAnswers} turns its
 * refusals into status codes.
 */
@Controller("/api/tokens")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeysController {

    private final ListApiKeys listKeys;
    private final MintApiKey mintKey;
    private final RenameApiKey renameKey;
    private final RevokeApiKeys revokeKeys;
    private final KeyOwners keyOwners;
    private final ApiKeyAnswers answers;
    private final JsonBody.Reader reader;

    ApiKeysController(ListApiKeys listKeys, MintApiKey mintKey, RenameApiKey renameKey, RevokeApiKeys revokeKeys,
                     KeyOwners keyOwners, ApiKeyAnswers answers, JsonBody.Reader reader) {
        this.listKeys = listKeys;
        this.mintKey = mintKey;
        this.renameKey = renameKey;
        this.revokeKeys = revokeKeys;
        this.keyOwners = keyOwners;
        this.answers = answers;
        this.reader = reader;
    }

    /** The caller's keys (administrators: everyone's, with the users a key can be made for); {@code ?user=NAME} narrows. */
    @SignedIn
    @Get
    HttpResponse<?> list(Caller caller, @QueryValue @Nullable String user) {
        ListApiKeys.Result result = listKeys.list(caller.actor(), owner(user));
        if (result instanceof ListApiKeys.Listed listed) {
            return HttpResponse.ok(new ApiKeyView.Listing(ApiKeyView.Owner.of(caller.user()),
                    listed.keys().stream().map(ApiKeyView::of).toList(), caller.admin() ? owners(caller) : null));
        }
        return answers.refused((Refused) result, Optional.empty());
    }

    /** Mints a key; the answer is the only place the key ever appears. */
    @SignedIn
    @KeyRule(Keys.NARROWER)
    @Post
    @JsonObjectBody
    @ApiResponse(responseCode = "201", description = "Minted: the key, shown this once.")
    HttpResponse<?> mint(Caller caller, @Body @Nullable String body) {
        MintApiKey.Command command = answers.mintCommand(caller, reader.readOptional(body, ApiKeyAnswers.MINT_EXAMPLE));
        MintApiKey.Result result = mintKey.mint(command);
        if (result instanceof MintApiKey.Minted minted) {
            return HttpResponse.created(new ApiKeyView.Minted(ApiKeyView.of(minted.key()), minted.secret()))
                    .header("Cache-Control", "no-store");
        }
        return answers.mintRefused(caller, command, (Refused) result);
    }

    @SignedIn
    @Patch("/{id}")
    @JsonObjectBody
    HttpResponse<?> rename(Caller caller, String id, @Body @Nullable String body) {
        ApiKeyId key = answers.keyId(id);
        String name = reader.read(body, ApiKeyAnswers.RENAME_EXAMPLE).text("name");
        RenameApiKey.Result result = renameKey.rename(caller.actor(), key, name);
        if (result instanceof RenameApiKey.Renamed renamed) {
            return HttpResponse.ok(ApiKeyView.of(renamed.key()));
        }
        return answers.refused((Refused) result, Optional.of(key));
    }

    /** Revokes one key; it stays listed, marked revoked. Revoking a revoked key changes nothing and is fine. */
    @SignedIn
    @KeyRule(Keys.ITSELF)
    @Delete("/{id}")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    HttpResponse<?> revoke(Caller caller, String id) {
        ApiKeyId key = answers.keyId(id);
        RevokeApiKeys.Result result = revokeKeys.revoke(caller.actor(), key);
        if (result instanceof RevokeApiKeys.Revoked) {
            return HttpResponse.noContent();
        }
        return answers.refused((Refused) result, Optional.of(key));
    }

    /** Revokes all keys of {@code ?user=NAME}, or without it the caller's own (never everyone's). */
    @SignedIn
    @Delete
    HttpResponse<?> revokeAll(Caller caller, @QueryValue @Nullable String user) {
        Username owner = owner(user).orElse(caller.user().username());
        RevokeApiKeys.Result result = revokeKeys.revokeAll(caller.actor(), Optional.of(owner));
        if (result instanceof RevokeApiKeys.Revoked revoked) {
            return HttpResponse.ok(Map.of("revoked", revoked.count()));
        }
        return answers.refused((Refused) result, Optional.empty());
    }

    /** The active users, in name order: whom an administrator can make a key for. */
    private List<ApiKeyView.Owner> owners(Caller caller) {
        return keyOwners.active(caller.actor(), KeyOwners.ALL)
                .map(found -> found.users().stream().map(ApiKeyView.Owner::of).toList()).orElse(List.of());
    }

    private static Optional<Username> owner(@Nullable String user) {
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Username.of(user));
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'user' must be a username: " + e.getMessage());
        }
    }
}

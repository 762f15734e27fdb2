package dev.gatehouse.http.api.identities;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.in.DisconnectIdentity;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.PathNames;
import dev.gatehouse.http.web.SignInProviders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;

/**
 * The ways into an account (My Account, Manage Users): whether it has a password and its provider
 * identities; disconnecting one, never the last way in (409 {@code last_way_in}). These manage
 * Gatehouse, so a key with scopes (an AI client's) is refused: sessions and unscoped keys may
 * list them (the default {@code KeyRule} MANAGE). Disconnecting takes a way in away, as a password
 * change does, so only a person signed in does it, never a key ({@link Keys#NONE}): a leaked key
 * must not strip an account down to the way in its holder controls.
 */
@Controller
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class IdentitiesController {

    private final ListSignInMethods listSignInMethods;
    private final DisconnectIdentity disconnectIdentity;
    private final SignInProviders providers;

    IdentitiesController(ListSignInMethods listSignInMethods, DisconnectIdentity disconnectIdentity,
                         SignInProviders providers) {
        this.listSignInMethods = listSignInMethods;
        this.disconnectIdentity = disconnectIdentity;
        this.providers = providers;
    }

    /** One identity at a provider; {@code displayName} is the provider's button name (its name if no longer configured). */
    @Serdeable
    record IdentityView(String provider, String displayName, String login, String email, Instant linkedAt,
                        Instant lastUsedAt, String subject) {
    }

    /** The ways in: the password (if any) and the identities, oldest first. */
    @Serdeable
    record SignInMethodsView(String username, boolean password, List<IdentityView> identities) {
    }

    @SignedIn
    @Get("/api/me/identities")
    HttpResponse<?> mine(Caller caller) {
        return list(caller, caller.user().username());
    }

    @SignedIn
    @KeyRule(Keys.NONE)
    @Delete("/api/me/identities/{provider}/{subject}")
    @ApiResponse(responseCode = "204", description = "Disconnected.")
    HttpResponse<?> disconnectMine(Caller caller, @PathVariable String provider, @PathVariable String subject) {
        return disconnect(caller, caller.user().username(), provider, subject);
    }

    @AdminOnly
    @Get("/api/admin/users/{username}/identities")
    HttpResponse<?> theirs(Caller caller, @PathVariable String username) {
        return list(caller, PathNames.user(username));
    }

    @AdminOnly
    @KeyRule(Keys.NONE)
    @Delete("/api/admin/users/{username}/identities/{provider}/{subject}")
    @ApiResponse(responseCode = "204", description = "Disconnected.")
    HttpResponse<?> disconnectTheirs(Caller caller, @PathVariable String username, @PathVariable String provider,
                                     @PathVariable String subject) {
        return disconnect(caller, PathNames.user(username), provider, subject);
    }

    private HttpResponse<?> list(Caller caller, Username username) {
        ListSignInMethods.Result result = listSignInMethods.list(caller.actor(), username);
        if (result instanceof ListSignInMethods.Methods methods) {
            return HttpResponse.ok(new SignInMethodsView(methods.username().value(), methods.password(),
                    methods.links().stream().map(this::view).toList()));
        }
        return ApiError.refused((Refused) result, "list");
    }

    private HttpResponse<?> disconnect(Caller caller, Username username, String provider, String subject) {
        ProviderName name;
        try {
            name = ProviderName.of(provider);
        } catch (IllegalArgumentException e) {
            return ApiError.notFound("'" + username + "' has no sign-in method at '" + provider.replaceAll("[^A-Za-z0-9_.-]", "?") + "'.");
        }
        DisconnectIdentity.Result result = disconnectIdentity.disconnect(
                new DisconnectIdentity.Command(caller.actor(), username, name, subject));
        if (result instanceof DisconnectIdentity.Disconnected) {
            return HttpResponse.noContent();
        }
        Refused refused = (Refused) result;
        if (refused.reason() == Refused.Reason.NOT_ALLOWED && lastWayIn(caller, username, name, subject)) {
            return ApiError.response(HttpStatus.CONFLICT, "last_way_in", refused.message());
        }
        return ApiError.refused(refused, "disconnect");
    }

    /** True when the identity is the account's only way in (so the refusal is that, not a missing right). */
    private boolean lastWayIn(Caller caller, Username username, ProviderName provider, String subject) {
        return listSignInMethods.list(caller.actor(), username) instanceof ListSignInMethods.Methods methods
                && methods.count() <= 1 && methods.links().stream()
                .anyMatch(l -> l.provider().equals(provider) && l.subject().equals(subject));
    }

    private IdentityView view(IdentityLink link) {
        String display = providers.find(link.provider().value()).map(p -> p.displayName()).orElse(link.provider().value());
        return new IdentityView(link.provider().value(), display, link.login(), link.email().orElse(null),
                link.linkedAt(), link.lastUsedAt().orElse(null), link.subject());
    }
}

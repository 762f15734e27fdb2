package dev.gatehouse.http.forwardauth;

import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.http.web.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Asks core's {@link Authorize} about a caller, and turns a denial into 403 naming what was refused. */
@Singleton
public class RequestRights {

    /** The header naming what a 403 refused (feature, model, route, rights, origin), for proxies that rewrite the body. */
    static final String REFUSED = "X-Gatehouse-Refused";

    /** What a model named in a header may look like: 1 to 200 visible ASCII characters. */
    static final Pattern MODEL = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Authorize authorize;

    RequestRights(Authorize authorize) {
        this.authorize = authorize;
    }

    /** The question for {@code caller}: their user, their key's scopes (none for a session). */
    public static Authorize.Query query(Caller caller, Optional<String> feature, Optional<String> model) {
        return query(caller, feature, model, false);
    }

    /** The question, saying whether the request's model could not be seen (its body was not forwarded). */
    public static Authorize.Query query(Caller caller, Optional<String> feature, Optional<String> model, boolean modelUnseen) {
        Set<String> scopes = caller.key().map(ApiKey::scopes).orElse(Set.of());
        return new Authorize.Query(caller.user(), scopes, feature, model, modelUnseen);
    }

    /** The decision, reading the user's settings from the store if need be. */
    public Authorize.Decision decide(Authorize.Query query) {
        return authorize.authorize(query);
    }

    /**
     * The decision for everything a forwarded request wants: each feature, each model, and the
     * unseen model if any, in that order; the first denial, else allowed. Core reads the user's
     * rights at most once for all of them ({@link Authorize#authorizeAll}). Without {@code mayBlock}
     * only what memory can answer (no store needed, or the user's settings read a moment ago and
     * unchanged since), else empty, as {@link dev.gatehouse.http.access.MemoryFirst} asks.
     */
    public Optional<Authorize.Decision> decide(Caller caller, ForwardedRequest.Wanted wanted, boolean mayBlock) {
        List<Authorize.Query> queries = new ArrayList<>();
        wanted.features().forEach(f -> queries.add(query(caller, Optional.of(f), Optional.empty())));
        wanted.models().forEach(m -> queries.add(query(caller, Optional.empty(), Optional.of(m))));
        if (wanted.modelUnseen()) {
            queries.add(query(caller, wanted.features().stream().findFirst(), Optional.empty(), true));
        }
        Set<String> scopes = caller.key().map(ApiKey::scopes).orElse(Set.of());
        if (wanted.adminOnly()) {
            if (!caller.user().isAdmin()) {
                return Optional.of(new Authorize.Denied(Authorize.What.ROUTE, "", "Only administrators may use this route (the"
                        + " server's own administration)."));
            }
            queries.add(Authorize.Query.unrestricted(caller.user(), scopes)); // refused to keys with scopes
        }
        if (wanted.unmatched().isPresent()) {
            // A route no rule maps may use anything: by the operator's choice only administrators, or only
            // callers with no restriction; a key with scopes never (core refuses it, administrators' too).
            AccessRules.Unmatched mode = wanted.unmatched().get();
            if (mode == AccessRules.Unmatched.DENY && !caller.user().isAdmin()) {
                return Optional.of(new Authorize.Denied(Authorize.What.ROUTE, "", "No route rule says what this request uses, and"
                        + " this server refuses such requests to everyone but administrators"
                        + " (GATEHOUSE_UNMATCHED_ROUTES=deny); an administrator can map the route in GATEHOUSE_ROUTES."));
            }
            if (mode == AccessRules.Unmatched.RESTRICTED || !scopes.isEmpty()) {
                queries.add(Authorize.Query.unrestricted(caller.user(), scopes));
            }
        }
        return mayBlock ? Optional.of(authorize.authorizeAll(queries)) : authorize.fromMemoryAll(queries);
    }

    /** Checks the text of a feature a client or proxy named. */
    static String feature(String text) {
        try {
            return FeatureCatalog.checkedName(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("X-Gatehouse-Feature: " + e.getMessage());
        }
    }

    /** A {@code .} or {@code ..} segment of a model name, between slashes or backslashes. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|[/\\\\])\\.{1,2}([/\\\\]|$)");

    /**
     * Checks the text of a model a client or proxy named. A name with a {@code .} or {@code ..}
     * segment is refused: LocalAI loads a model it has no configuration for as a file under its
     * models directory, so {@code llama-x/../mistral.gguf} matches the pattern {@code llama-*} and
     * loads mistral.
     */
    public static String model(String text) {
        String model = text.strip();
        if (!MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("A model (in X-Gatehouse-Model, the path, the query or the body) must"
                    + " be a name of 1 to 200 visible ASCII characters, not '" + model.replaceAll("[^\\x21-\\x7e]", "?")
                    + "'.");
        }
        if (DOT_SEGMENT.matcher(model).find()) {
            throw new IllegalArgumentException("A model name may not contain a '.' or '..' segment (as in a/../b), not '"
                    + model + "': a server may read it as a file path to another model; name the model itself.");
        }
        return model;
    }

    /** 403 {@code forbidden} with what was refused ({@code feature}, {@code model} or {@code rights}) and its name. */
    static MutableHttpResponse<Refusal> denied(Authorize.Denied denied) {
        String what = switch (denied.refused()) {
            case FEATURE -> "feature";
            case MODEL -> "model";
            case ROUTE -> "route";
            case UNREADABLE -> "rights";
        };
        // The header is for proxies that answer a refusal themselves and drop this body (nginx).
        return HttpResponse.<Refusal>status(HttpStatus.FORBIDDEN).header(REFUSED, what)
                .body(new Refusal("forbidden", denied.message(), what, denied.subject()));
    }

    /** The body of a 403: {@code refused} is feature, model, rights or route; {@code name} which (empty for a route). */
    @Serdeable
    record Refusal(String error, String message, String refused, String name) {
    }
}

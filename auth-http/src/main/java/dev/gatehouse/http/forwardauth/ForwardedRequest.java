package dev.gatehouse.http.forwardauth;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a request forwarded for checking wants to use. Everything that names a feature or a model
 * counts (the body in every way an AI server may read it, {@link RequestModel}), and all of it must
 * be allowed: {@code X-Gatehouse-Feature} / {@code X-Gatehouse-Model}
 * when the proxy sets them, the feature the operator's {@link RouteMap} gives
 * the original method and URI ({@link ForwardedOrigin}), and the models of the path, the query and
 * the forwarded body. A header adds a check and never replaces one, so a client whose own headers
 * reach the check gains nothing; one sent twice, or a method and URI sent ambiguously, is refused.
 */
@Singleton
class ForwardedRequest {

    static final String FEATURE = "X-Gatehouse-Feature";
    static final String MODEL = "X-Gatehouse-Model";

    /**
     * The features and models to check; every one must be allowed. {@code modelUnseen}: the
     * request may use a model Gatehouse cannot see: it has a feature and sends a body (POST, PUT,
     * PATCH) that was not forwarded (whatever the path or query name: servers read the body's model
     * first) and the proxy names no model, or a forwarded body and nothing else names one (AI servers
     * then pick one themselves), or its body cannot be read with certainty, or its route can name a
     * model later (a websocket). {@code unmatched}: no route rule matches, and who may use such a
     * route ({@link AccessRules.Unmatched}). {@code adminOnly}: the route is the server's own
     * administration ({@code @admin}).
     */
    record Wanted(Set<String> features, Set<String> models, boolean modelUnseen,
                  Optional<AccessRules.Unmatched> unmatched, boolean adminOnly) {
        Wanted {
            // In the order they were named, so the same request is always refused for the same name.
            features = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(features));
            models = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(models));
        }
    }

    private static final java.util.Set<String> WITH_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    private final AccessRules rules;
    private final RequestModel models;

    ForwardedRequest(AccessRules rules, RequestModel models) {
        this.rules = rules;
        this.models = models;
    }

    /**
     * True when the body is still in a Content-Encoding (a gzip body is decompressed on arrival and
     * loses the header; br, zstd, {@code gzip, gzip} and the like are not): a server that decodes it
     * may read a model in it that we cannot.
     */
    private static boolean encoded(HttpRequest<?> request) {
        return request.getHeaders().getAll("Content-Encoding").stream().map(String::strip)
                .anyMatch(value -> !value.isEmpty() && !value.equalsIgnoreCase("identity"));
    }

    /**
     * {@code origin} is the request's {@link ForwardedOrigin}, read once by the caller. Throws
     * {@link IllegalArgumentException} for a value no feature or model can have.
     */
    Wanted wanted(HttpRequest<?> request, ForwardedOrigin origin, byte[] body) {
        Set<String> features = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        ForwardedOrigin.single(request, FEATURE).map(RequestRights::feature).ifPresent(features::add);
        Optional<String> proxyModel = ForwardedOrigin.single(request, MODEL);
        proxyModel.ifPresent(named::add);
        Optional<String> uri = origin.uri();
        String method = origin.method();
        Optional<RouteMap.Match> route = uri.flatMap(u -> rules.routes().match(method, ForwardedPath.of(u)));
        route.flatMap(RouteMap.Match::feature).ifPresent(features::add);
        route.flatMap(RouteMap.Match::model).ifPresent(named::add);
        uri.map(RequestModel::fromQuery).ifPresent(named::addAll);
        RequestModel.Named inBody = encoded(request) && body != null && body.length > 0 ? RequestModel.Named.UNCERTAIN
                : models.fromBody(body, request.getHeaders().get("Content-Type"));
        named.addAll(inBody.models());
        Set<String> checked = new LinkedHashSet<>();
        named.forEach(model -> checked.add(RequestRights.model(model)));
        // A body the check did not get may name a model, and servers read the body's before the path's or the
        // query's; only a proxy that names the model itself (X-Gatehouse-Model) says which one is served.
        boolean proxyNamed = proxyModel.isPresent();
        boolean sendsBody = !features.isEmpty() && WITH_BODY.contains(method.toUpperCase(java.util.Locale.ROOT));
        boolean unseen = inBody.uncertain() || route.map(RouteMap.Match::modelHidden).orElse(false)
                || sendsBody && (body == null ? !proxyNamed : checked.isEmpty());
        // Only a route rule matches a request: a feature header (which a client may have sent) adds a check.
        Optional<AccessRules.Unmatched> unmatched = route.isPresent() ? Optional.empty() : Optional.of(rules.unmatched());
        boolean adminOnly = route.map(RouteMap.Match::adminOnly).orElse(false);
        return new Wanted(features, checked, unseen, unmatched, adminOnly);
    }
}

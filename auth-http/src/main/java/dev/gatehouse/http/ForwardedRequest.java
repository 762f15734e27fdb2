package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a request forwarded for checking wants to use. Everything that names a feature or a model
 * counts, and all of it must be allowed: {@code X-Gatehouse-Feature} / {@code X-Gatehouse-Model}
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
     * The features and models to check; every one must be allowed. {@code modelUnseen}: a request
     * with a feature that sends a body (POST, PUT, PATCH) whose body was not forwarded and that
     * names no model elsewhere, so a model in its body could not be seen. {@code unmatched}: no
     * feature is named and the operator refuses such requests to all but administrators.
     */
    record Wanted(Set<String> features, Set<String> models, boolean modelUnseen, boolean unmatched) {
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

    /** Throws {@link IllegalArgumentException} for a value no feature or model can have. */
    Wanted wanted(HttpRequest<?> request, byte[] body) {
        Set<String> features = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        ForwardedOrigin origin = ForwardedOrigin.of(request);
        ForwardedOrigin.single(request, FEATURE).map(RequestRights::feature).ifPresent(features::add);
        ForwardedOrigin.single(request, MODEL).ifPresent(named::add);
        Optional<String> uri = origin.uri();
        String method = origin.method();
        Optional<RouteMap.Match> route = uri.flatMap(u -> rules.routes().match(method, ForwardedPath.of(u)));
        route.map(RouteMap.Match::feature).ifPresent(features::add);
        route.flatMap(RouteMap.Match::model).ifPresent(named::add);
        uri.map(RequestModel::fromQuery).ifPresent(named::addAll);
        named.addAll(models.fromBody(body, request.getHeaders().get("Content-Type")));
        Set<String> checked = new LinkedHashSet<>();
        named.forEach(model -> checked.add(RequestRights.model(model)));
        boolean unseen = !features.isEmpty() && checked.isEmpty() && body == null
                && WITH_BODY.contains(method.toUpperCase(java.util.Locale.ROOT));
        // With GATEHOUSE_UNMATCHED_ROUTES=deny, a forwarded request nothing maps to a feature is for administrators.
        boolean unmatched = rules.denyUnmatched() && features.isEmpty();
        return new Wanted(features, checked, unseen, unmatched);
    }
}

package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What a request forwarded for checking wants to use: {@code X-Gatehouse-Feature} and
 * {@code X-Gatehouse-Model} when the proxy sets them (it must overwrite whatever the client sent),
 * else the feature the operator's {@link RouteMap} gives {@code X-Forwarded-Method} and
 * {@code X-Forwarded-Uri} (or {@code X-Original-Method}/{@code X-Original-URI}), and the model from
 * the path, the query or the forwarded body.
 */
@Singleton
class ForwardedRequest {

    static final String FEATURE = "X-Gatehouse-Feature";
    static final String MODEL = "X-Gatehouse-Model";

    /**
     * The feature and model to check; empty ones are not checked. {@code modelUnseen}: a request
     * with a feature that sends a body (POST, PUT, PATCH) whose body was not forwarded, so a model
     * it names could not be seen.
     */
    record Wanted(Optional<String> feature, Optional<String> model, boolean modelUnseen) {
    }

    private static final java.util.Set<String> WITH_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    private final AccessRules rules;
    private final RequestModel models;

    ForwardedRequest(AccessRules rules, RequestModel models) {
        this.rules = rules;
        this.models = models;
    }

    /** Throws {@link IllegalArgumentException} for a header value no feature or model can have. */
    Wanted wanted(HttpRequest<?> request, byte[] body) {
        Optional<String> feature = header(request, FEATURE).map(RequestRights::feature);
        Optional<String> model = header(request, MODEL).map(RequestRights::model);
        Optional<String> uri = header(request, "X-Forwarded-Uri").or(() -> header(request, "X-Original-URI"));
        String method = header(request, "X-Forwarded-Method").or(() -> header(request, "X-Original-Method"))
                .orElse("GET");
        Optional<RouteMap.Match> route = uri.flatMap(u -> rules.routes().match(method, path(u)));
        if (feature.isEmpty()) {
            feature = route.map(RouteMap.Match::feature);
        }
        if (model.isEmpty()) {
            model = route.flatMap(RouteMap.Match::model)
                    .or(() -> uri.flatMap(RequestModel::fromQuery))
                    .or(() -> models.fromBody(body, request.getHeaders().get("Content-Type")))
                    .map(RequestRights::model);
        }
        boolean unseen = feature.isPresent() && model.isEmpty() && body == null
                && WITH_BODY.contains(method.toUpperCase(java.util.Locale.ROOT));
        return new Wanted(feature, model, unseen);
    }

    private static Optional<String> header(HttpRequest<?> request, String name) {
        return request.getHeaders().get(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String path(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            decoded = path;
        }
        // As a server would route it: //v1/./chat/completions/ must not slip past /v1/chat/completions.
        String collapsed = decoded.replaceAll("/{2,}", "/");
        try {
            collapsed = java.net.URI.create("http://h" + (collapsed.startsWith("/") ? "" : "/") + collapsed
                    .replace(" ", "%20")).normalize().getPath();
        } catch (IllegalArgumentException notAUri) {
            // keep the collapsed text
        }
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}

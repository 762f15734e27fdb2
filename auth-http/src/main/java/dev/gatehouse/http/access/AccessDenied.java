package dev.gatehouse.http.access;

import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.PageRequest;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a request Micronaut Security refused is answered: with the answer {@link AccessRule} chose
 * when it refused (a wait, setup, {@code csrf}, a key's scopes); else, without a caller, 401
 * {@code unauthenticated} — a browser opening a page is sent to sign in and back; with one, 403
 * {@code forbidden} for administrators' routes, or a page saying so.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessDenied implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException refused) {
        HttpRequest<?> refusedRequest = request;
        return AccessRule.refusal(refusedRequest).orElseGet(() -> refused.isForbidden() ? adminsOnly(refusedRequest)
                : signInFirst(refusedRequest));
    }

    private static HttpResponse<?> adminsOnly(HttpRequest<?> request) {
        return PageRequest.isPageView(request) ? Pages.adminsOnly() : ApiError.adminsOnly();
    }

    private static MutableHttpResponse<?> signInFirst(HttpRequest<?> request) {
        if (PageRequest.isPageView(request)) {
            String next = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                    : "?" + request.getUri().getRawQuery());
            return HttpResponse.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        }
        return ApiError.unauthenticated();
    }
}

package dev.gatehouse.http.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/** Whether a request is a browser navigating to a page, which gets redirects and HTML, or an API call, which gets JSON. */
public final class PageRequest {

    private PageRequest() {
    }

    /** A browser navigating to a page (not the API): it gets redirects and HTML instead of JSON errors. */
    public static boolean isPageView(HttpRequest<?> request) {
        String path = request.getPath();
        String method = request.getMethodName();
        return ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/api/") && !path.startsWith("/metrics")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}

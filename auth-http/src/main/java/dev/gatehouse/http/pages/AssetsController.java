package dev.gatehouse.http.pages;

import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.web.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * Serves the web UI's CSS, script and icon. A request with the current {@code ?v=} may be
 * cached for a year; any other is revalidated by ETag (304 when unchanged).
 */
@Controller
class AssetsController {

    static final String FOREVER = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final Assets assets;

    AssetsController(Assets assets) {
        this.assets = assets;
    }

    @PublicRoute
    @Get("/assets/{name}")
    HttpResponse<?> asset(HttpRequest<?> request, String name, @Nullable @QueryValue("v") String version) {
        return assets.find(name)
                .<HttpResponse<?>>map(asset -> serve(request, asset, version))
                .orElseGet(() -> ApiError.response(HttpStatus.NOT_FOUND, "not_found",
                        "There is no file /assets/" + name + "; the pages link every file they need."));
    }

    /** Browsers ask for it unprompted; the pages also link the SVG directly. */
    @PublicRoute
    @Get("/favicon.ico")
    HttpResponse<?> favicon(HttpRequest<?> request) {
        return serve(request, assets.find("icon.svg").orElseThrow(), null);
    }

    private static HttpResponse<?> serve(HttpRequest<?> request, Assets.Asset asset, String version) {
        String caching = asset.hash().equals(version) ? FOREVER : REVALIDATE;
        boolean unchanged = request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .anyMatch(tag -> tag.equals(asset.etag()) || tag.equals("W/" + asset.etag()) || tag.equals("*"));
        MutableHttpResponse<?> response = unchanged ? HttpResponse.notModified()
                : HttpResponse.ok(asset.bytes()).contentType(asset.contentType());
        return response.header(HttpHeaders.ETAG, asset.etag()).header(HttpHeaders.CACHE_CONTROL, caching);
    }
}

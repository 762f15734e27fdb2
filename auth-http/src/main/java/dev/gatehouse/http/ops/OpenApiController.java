package dev.gatehouse.http.ops;

import dev.gatehouse.http.access.PublicRoute;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /openapi.yml}: the OpenAPI document Micronaut OpenAPI wrote from the controllers at
 * compile time, as it is in the jar; public, like docs/api.md. It changes only with the jar, so
 * clients revalidate with its ETag instead of guessing how long to keep it.
 */
@Controller
@PublicRoute
@Tag(name = ApiDescription.OPERATIONS)
class OpenApiController {

    /** Where the processor writes it ({@code micronaut.openapi.filename} in auth-http/openapi.properties). */
    static final String RESOURCE = "META-INF/swagger/gatehouse.yml";

    /** YAML's media type (RFC 9512). */
    static final String YAML = "application/yaml";

    private final byte[] document;
    private final String etag;

    OpenApiController() {
        document = read();
        etag = '"' + HexFormat.of().formatHex(sha256(document), 0, 16) + '"';
    }

    @Get(value = "/openapi.yml", produces = YAML)
    @ApiResponse(responseCode = "200", description = "This document.",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match.")
    HttpResponse<byte[]> document(HttpRequest<?> request) {
        if (request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class).filter(etag::equals).isPresent()) {
            return HttpResponse.<byte[]>notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        return HttpResponse.ok(document).contentType(YAML).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static byte[] read() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the build runs micronaut-openapi"
                        + " as an annotation processor of auth-http, which writes it; rebuild auth-http.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

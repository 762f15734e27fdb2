package dev.gatehouse.http.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JSON controller (or route) for the OpenAPI document: every refusal or failure it answers
 * is an {@link ApiError}, whatever the route's own answer is.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "4XX", description = "Refused: `error` says why, `message` says what to do.",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "5XX", description = "`store_unavailable` (with Retry-After) or `internal`: the detail is in the server's log.",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
public @interface JsonApi {
}

package dev.gatehouse.http.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route whose body is a JSON object, for the OpenAPI document. The controller takes the body
 * as text and {@link JsonBody} reads it field by field, and Micronaut OpenAPI keeps the schema of the
 * parameter's type (a string) over this one's; the description at least says what to send.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@RequestBody(description = "A JSON object (read as text, hence the string schema); docs/api.md shows its fields.",
        content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
public @interface JsonObjectBody {
}

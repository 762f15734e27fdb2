package dev.gatehouse.http.forwardauth;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Forward auth's yes, for the OpenAPI document: no body, the caller in headers the proxy passes
 * on (the code builds the answer by hand, so it cannot show them). A no is an {@code ApiError}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The caller may: the headers name them; no body.", content = @Content,
        headers = {
                @Header(name = ForwardAuthController.USER,
                        description = "The username as it is when printable ASCII without %, else percent-encoded."),
                @Header(name = ForwardAuthController.USER_ENCODED, description = "The username, always percent-encoded."),
                @Header(name = ForwardAuthController.ROLES, description = "The roles, comma-separated.")})
@interface IdentityHeaders {
}

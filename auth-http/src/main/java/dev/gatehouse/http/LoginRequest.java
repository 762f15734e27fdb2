package dev.gatehouse.http;

import dev.gatehouse.core.model.Password;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

/** The body of {@code POST /api/auth/login}: {@code {"username": "...", "password": "..."}}. */
@Serdeable
record LoginRequest(@Nullable String username, @Nullable String password) {

    /**
     * Reads the body itself rather than letting the framework bind it, so every malformed body
     * gets a 400 that says what was wrong instead of a framework message.
     */
    @Singleton
    static class Reader {
        private static final String EXPECTED = "Send JSON like {\"username\": \"alice\", \"password\": \"...\"}.";

        private final ObjectMapper json;

        Reader(ObjectMapper json) {
            this.json = json;
        }

        /** The request, or IllegalArgumentException with a message for the client. */
        LoginRequest read(@Nullable String body) {
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("The request has no body. " + EXPECTED);
            }
            LoginRequest request;
            try {
                request = json.readValue(body, Argument.of(LoginRequest.class));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("The body is not a JSON object with string fields username and password. "
                        + EXPECTED);
            }
            if (request == null || request.username() == null || request.username().isBlank()) {
                throw new IllegalArgumentException("The field 'username' is missing or empty. " + EXPECTED);
            }
            if (request.password() == null) {
                throw new IllegalArgumentException("The field 'password' is missing. " + EXPECTED);
            }
            Password.of(request.password()); // too long, or half a character: says which
            return request;
        }
    }
}

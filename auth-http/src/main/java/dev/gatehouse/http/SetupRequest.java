package dev.gatehouse.http;

import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.Username;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;

/** The body of {@code POST /api/setup}: {@code {"code": "...", "username": "admin", "password": "..."}}. */
@Serdeable
record SetupRequest(@Nullable String code, @Nullable String username, @Nullable String password) {

    /** Reads the body itself so every malformed one gets a 400 saying which field is wrong. */
    @Singleton
    static class Reader {
        private static final String EXPECTED = "Send JSON like {\"code\": \"7KQ2-MX9D-R4TF-0W3B\", \"username\": \"admin\","
                + " \"password\": \"...\"}.";

        private final ObjectMapper json;

        Reader(ObjectMapper json) {
            this.json = json;
        }

        /** The request with a valid username and password, or IllegalArgumentException with a message for the client. */
        SetupRequest read(@Nullable String body) {
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("The request has no body. " + EXPECTED);
            }
            SetupRequest request;
            try {
                request = json.readValue(body, Argument.of(SetupRequest.class));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("The body is not a JSON object with string fields code, username and"
                        + " password. " + EXPECTED);
            }
            if (request == null || request.code() == null || request.code().isBlank()) {
                throw new IllegalArgumentException("The field 'code' is missing or empty. " + EXPECTED);
            }
            if (request.username() == null || request.username().isBlank()) {
                throw new IllegalArgumentException("The field 'username' is missing or empty. " + EXPECTED);
            }
            if (request.password() == null) {
                throw new IllegalArgumentException("The field 'password' is missing. " + EXPECTED);
            }
            Username.of(request.username());
            Password.of(request.password());
            return request;
        }
    }
}

package dev.gatehouse.core.model.sessions;

import java.util.Objects;

/**
 * The public handle of a session: shown in listings and used to end one session. It is not
 * the session's secret token and cannot be used to sign in.
 */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "session id");
        if (!value.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new IllegalArgumentException("'" + value + "' is not a session id;"
                    + " session ids are 8 to 64 letters, digits, '-' or '_'.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

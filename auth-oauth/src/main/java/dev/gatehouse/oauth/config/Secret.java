package dev.gatehouse.oauth.config;

import java.util.Objects;

/**
 * A client secret: kept out of {@code toString()}, messages and logs, handed out only to the code
 * that sends it to the provider.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret from its text; blank text is refused (a missing secret is a configuration error, not an empty one). */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A client secret must not be blank.");
        }
        return new Secret(value);
    }

    /** The secret itself, for the request to the provider's token endpoint only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}

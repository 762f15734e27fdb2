package dev.gatehouse.core.model.identities;

import java.util.Objects;

/**
 * The operator's short name of an identity provider: {@code github}, {@code keycloak},
 * {@code google}. It appears in routes ({@code /auth/keycloak}), in stored links and in the audit
 * log, so it is plain: a lower-case letter, then up to 31 lower-case letters, digits or {@code -}.
 */
public record ProviderName(String value) implements Comparable<ProviderName> {

    /** GitHub's fixed name: llms.py's routes {@code /auth/github} use it. */
    public static final ProviderName GITHUB = new ProviderName("github");

    public ProviderName {
        Objects.requireNonNull(value, "provider name");
        if (!value.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not a provider name;"
                    + " names are a lower-case letter, then up to 31 lower-case letters, digits or '-'"
                    + " (e.g. keycloak, google, corp-sso).");
        }
    }

    public static ProviderName of(String value) {
        return new ProviderName(value);
    }

    @Override
    public int compareTo(ProviderName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

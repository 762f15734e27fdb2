package dev.gatehouse.http.config;

import java.util.Locale;

/**
 * How the server checks callers. {@code AUTO}: sign-in required once a user exists, setup mode
 * before. {@code NONE}: no checks, every request acts as the administrator "default" (llms.py
 * without users). {@code APIKEY}: only the static keys from {@code GATEHOUSE_API_KEYS} (LocalAI's API_KEY).
 */
public enum AuthMode {
    AUTO, NONE, APIKEY;

    /** {@code auto}, {@code none} or {@code apikey}, any case. */
    public static AuthMode parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "auto" -> AUTO;
            case "none" -> NONE;
            case "apikey", "api-key", "api_key" -> APIKEY;
            default -> throw new IllegalArgumentException("Unknown auth mode '" + text + "'; use auto, none or apikey.");
        };
    }

    /** The spelling used in flags and messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

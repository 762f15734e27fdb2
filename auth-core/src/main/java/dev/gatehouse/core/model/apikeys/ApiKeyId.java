package dev.gatehouse.core.model.apikeys;

import java.util.Objects;

/**
 * The public handle of an API key: shown in listings and used to rename or revoke it. It is not
 * the key's secret and cannot be used to authenticate. Keys Gatehouse mints get 16 base62
 * characters; keys imported from llmux keep their 16-character base64url id.
 */
public record ApiKeyId(String value) implements Comparable<ApiKeyId> {

    public ApiKeyId {
        Objects.requireNonNull(value, "API key id");
        if (!value.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new IllegalArgumentException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not an API key id;"
                    + " ids are 8 to 64 letters, digits, '-' or '_' (see the ID column of the key listing).");
        }
    }

    public static ApiKeyId of(String value) {
        return new ApiKeyId(value);
    }

    /** Ids are ASCII, so String order is code point order: the order every store pages in. */
    @Override
    public int compareTo(ApiKeyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

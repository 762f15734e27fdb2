package dev.gatehouse.core.model.accounts;

import java.util.Objects;

/**
 * A plain-text password in transit. Never logged: {@link #toString()} hides it. The length cap
 * keeps a megabyte "password" from being fed to the hasher.
 */
public record Password(String value) {

    /** The longest password accepted, in characters (NIST asks to allow at least 64). */
    public static final int MAX_LENGTH = 1024;

    public Password {
        Objects.requireNonNull(value, "password");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i));
            if (Character.isSurrogate(c) && !paired) {
                // UTF-8 cannot encode half a character; it would hash the same as '?'.
                throw new IllegalArgumentException("The password contains half of a character (a lone surrogate);"
                        + " type it again.");
            }
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The password is " + value.length()
                    + " characters long; at most " + MAX_LENGTH + " are accepted.");
        }
    }

    public static Password of(String value) {
        return new Password(value);
    }

    public char[] chars() {
        return value.toCharArray();
    }

    @Override
    public String toString() {
        return "Password[******]";
    }
}

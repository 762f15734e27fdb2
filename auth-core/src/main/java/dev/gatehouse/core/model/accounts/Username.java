package dev.gatehouse.core.model.accounts;

/**
 * A user's name, the key of their account. Case-sensitive and trimmed, as llms.py keeps it.
 *
 * <p>Control characters, slashes and backslashes are refused because names end up in file
 * paths (avatars), log lines and HTTP headers.
 */
public record Username(String value) implements Comparable<Username> {

    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 64;

    /** The name that always gets the Admin role (llms.py's rule). */
    public static final Username ADMIN = new Username("admin");

    public Username {
        if (value == null) {
            throw new IllegalArgumentException("A username is required.");
        }
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A username cannot be empty.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The username '" + value.substring(0, 16)
                    + "...' is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed.");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("'" + value + "' cannot be a username; it means a directory.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                // Invisible characters (zero-width space, right-to-left override) make look-alike names.
                throw new IllegalArgumentException("The username '" + value + "' contains the invisible character U+"
                        + String.format("%04X", (int) c) + "; remove it.");
            }
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new IllegalArgumentException("The username '" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' contains '" + (Character.isISOControl(c) ? "a control character" : c)
                        + "'; use letters, digits and punctuation other than slashes.");
            }
        }
    }

    /** Parses a name typed by a person or read from a store. */
    public static Username of(String value) {
        return new Username(value);
    }

    /**
     * Code point order, which is the order of the names' UTF-8 bytes: what SQLite's BINARY and
     * PostgreSQL's {@code COLLATE "C"} give, so every store pages users alike. (String's own
     * compareTo uses UTF-16 units and differs for names mixing emoji with U+E000–U+FFFF.)
     */
    @Override
    public int compareTo(Username other) {
        String a = value;
        String b = other.value;
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public String toString() {
        return value;
    }
}

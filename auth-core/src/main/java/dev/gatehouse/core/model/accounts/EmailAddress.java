package dev.gatehouse.core.model.accounts;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What Gatehouse accepts as an email address: one line of at most {@value #MAX_LENGTH} characters,
 * {@code local@domain} with a dotted domain. Normalised by trimming and lower-casing the domain
 * (the local part is the mail server's to judge); two addresses are the same when they are equal
 * ignoring the case of ASCII letters, as every common mail server treats them.
 */
public final class EmailAddress {

    /** The longest address a mail path allows (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?"
                    + "(?:\\.[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?)+");

    private EmailAddress() {
    }

    /**
     * The address trimmed, with its domain in lower case.
     *
     * @throws IllegalArgumentException naming the address and what is wrong with it
     */
    public static String normalise(String address) {
        Objects.requireNonNull(address, "email address");
        String trimmed = address.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The email address is empty; type one like alice@example.org,"
                    + " or leave the field out.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The email address is " + trimmed.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed.");
        }
        if (!SHAPE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed.replaceAll("\\p{Cntrl}", "?")
                    + "' is not an email address; type one like alice@example.org.");
        }
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * True if both are the same address, ignoring the case of ASCII letters only. Unicode case
     * rules would make different mailboxes equal ({@code equalsIgnoreCase} takes the dotless
     * {@code ı} of a registrable domain {@code pıxel.org} for the {@code i} of {@code pixel.org},
     * and the long {@code ſ} for {@code s}), and an address decides whose account this is.
     */
    public static boolean same(String a, String b) {
        return asciiLower(a.strip()).equals(asciiLower(b.strip()));
    }

    private static String asciiLower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }
}

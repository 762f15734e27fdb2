package dev.gatehouse.oauth.flow;

import dev.gatehouse.core.model.accounts.EmailAddress;
import java.util.Optional;

/** Text a provider or a browser sent, made safe to put in a message a person reads or a log line. */
public final class Text {

    private static final int MAX = 200;

    private Text() {
    }

    /** Printable characters only, at most 200 of them: nothing can forge a log line or flood a page. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
        return printable.length() > MAX ? printable.substring(0, MAX) + "…" : printable;
    }

    /**
     * The address if core would accept it; a malformed one counts as none rather than failing the
     * sign-in (the person can still be identified by the provider's subject).
     */
    public static Optional<String> emailAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            EmailAddress.normalise(address);
            return Optional.of(address.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

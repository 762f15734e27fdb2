package dev.gatehouse.core.model.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who may create their own account: nobody, anyone, anyone with an administrator's approval, or invitees. */
public enum RegistrationMode {
    /** Administrators create accounts; {@code /register} refuses everyone. The default. */
    CLOSED,
    /** Anyone may register and sign in at once. */
    OPEN,
    /** Anyone may register; the account waits for an administrator's approval (an invite skips the wait). */
    APPROVAL,
    /** Only holders of a valid invite code may register. */
    INVITE;

    /** The word used in configuration and on pages: closed, open, approval, invite. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a mode by its label; blank means {@link #CLOSED}. */
    public static RegistrationMode parse(String text) {
        if (text == null || text.isBlank()) {
            return CLOSED;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text.strip() + "' is not a registration mode;"
                        + " use one of " + Arrays.stream(values()).map(RegistrationMode::label)
                        .collect(Collectors.joining(", ")) + "."));
    }
}

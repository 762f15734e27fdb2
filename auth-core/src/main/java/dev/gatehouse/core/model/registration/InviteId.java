package dev.gatehouse.core.model.registration;

import java.util.Objects;

/** The public handle of an invite: shown in listings and used to revoke it; not its code. */
public record InviteId(String value) implements Comparable<InviteId> {

    public InviteId {
        Objects.requireNonNull(value, "invite id");
        if (!value.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new IllegalArgumentException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not an invite id;"
                    + " ids are 8 to 64 letters, digits, '-' or '_' (see the ID column of the invite listing).");
        }
    }

    public static InviteId of(String value) {
        return new InviteId(value);
    }

    @Override
    public int compareTo(InviteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

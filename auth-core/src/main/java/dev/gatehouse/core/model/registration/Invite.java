package dev.gatehouse.core.model.registration;

import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's invitation to register. The code is never kept: {@code digest} is its keyed
 * digest (HMAC-SHA-256 as 64 lowercase hex characters) and {@code displayPrefix} its first
 * characters, so people can tell invites apart. An invite may be bound to one email address (the
 * registration must use it), is good for {@code maxUses} registrations until {@code expiresAt},
 * and lists who used it. {@code createdBy} is the audit name of whoever made it.
 */
public record Invite(
        InviteId id,
        String digest,
        String displayPrefix,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        int maxUses,
        List<Use> uses,
        Optional<String> email,
        Optional<Instant> revokedAt) {

    /** The most registrations one invite may allow. */
    public static final int MAX_USES = 1000;

    /** One registration made with the invite. */
    public record Use(Username username, Instant at) {
        public Use {
            Objects.requireNonNull(username, "username");
            at = Times.truncate(Objects.requireNonNull(at, "at"));
        }
    }

    /** What an invite is good for at a given time. */
    public enum Status {
        ACTIVE("Active"), USED_UP("Used"), EXPIRED("Expired"), REVOKED("Revoked");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** A word for listings. */
        public String label() {
            return label;
        }
    }

    public Invite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        if (!digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("An invite's digest must be 64 lowercase hex characters (HMAC-SHA-256).");
        }
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        if (!displayPrefix.matches("[\\x21-\\x7e]{1,12}")) {
            throw new IllegalArgumentException("An invite's display prefix is 1 to 12 visible ASCII characters.");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        if (createdBy.isBlank()) {
            throw new IllegalArgumentException("An invite needs the name of who created it.");
        }
        createdAt = Times.truncate(Objects.requireNonNull(createdAt, "createdAt"));
        expiresAt = Times.truncate(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An invite must expire after it is created; it is created " + createdAt
                    + " and would expire " + expiresAt + ".");
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw new IllegalArgumentException("An invite allows 1 to " + MAX_USES + " registrations, not " + maxUses + ".");
        }
        uses = List.copyOf(Objects.requireNonNull(uses, "uses"));
        if (uses.size() > maxUses) {
            throw new IllegalArgumentException("An invite for " + maxUses + " registrations cannot have " + uses.size()
                    + " uses.");
        }
        email = Objects.requireNonNull(email, "email").map(EmailAddress::normalise);
        revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Times::truncate);
    }

    /** Its state at {@code now}: revoked wins over used up, which wins over expired. */
    public Status status(Instant now) {
        if (revokedAt.isPresent()) {
            return Status.REVOKED;
        }
        if (uses.size() >= maxUses) {
            return Status.USED_UP;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** True if one more registration may use it at {@code now}. */
    public boolean usable(Instant now) {
        return status(now) == Status.ACTIVE;
    }

    /** This invite with one more use. */
    public Invite usedBy(Use use) {
        List<Use> more = new java.util.ArrayList<>(uses);
        more.add(use);
        return new Invite(id, digest, displayPrefix, createdBy, createdAt, expiresAt, maxUses, more, email, revokedAt);
    }

    /** Revoked at {@code at}; an invite revoked already keeps its first revocation time. */
    public Invite revoked(Instant at) {
        return revokedAt.isPresent() ? this : new Invite(id, digest, displayPrefix, createdBy, createdAt, expiresAt,
                maxUses, uses, email, Optional.of(at));
    }

    @Override
    public String toString() {
        return "Invite[" + id + ", " + displayPrefix + "…, uses=" + uses.size() + "/" + maxUses
                + (revokedAt.isPresent() ? ", revoked" : "") + "]";
    }
}

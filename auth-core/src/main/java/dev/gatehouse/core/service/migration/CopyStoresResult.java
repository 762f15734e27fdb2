package dev.gatehouse.core.service.migration;

import java.util.List;
import java.util.Objects;

/**
 * What one run of {@link CopyStores} did, per kind of record, plus what a person should know
 * (for example that sessions were not copied because the two stores have different token keys).
 */
public record CopyStoresResult(Counts users, Counts avatars, Counts sessions, Counts apiKeys, Counts auditEvents,
                               Counts keys, Counts permissions, Counts invites, Counts identityLinks,
                               List<String> warnings) {

    public CopyStoresResult {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(avatars, "avatars");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(auditEvents, "auditEvents");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(invites, "invites");
        Objects.requireNonNull(identityLinks, "identityLinks");
        warnings = List.copyOf(warnings);
    }

    /** True if the run added or changed nothing in the target (a repeat run). */
    public boolean nothingNew() {
        return users.changed() + avatars.changed() + sessions.changed() + apiKeys.changed() + auditEvents.changed()
                + keys.changed() + permissions.changed() + invites.changed() + identityLinks.changed() == 0;
    }

    /**
     * Records of one kind: {@code copied} were new in the target, {@code alreadyPresent} were there
     * already and equal, {@code replaced} were there with other content and now hold the source's.
     */
    public record Counts(long copied, long alreadyPresent, long replaced) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts {
            if (copied < 0 || alreadyPresent < 0 || replaced < 0) {
                throw new IllegalArgumentException("Counts cannot be negative: copied " + copied
                        + ", already present " + alreadyPresent + ", replaced " + replaced + ".");
            }
        }

        /** Every record of this kind that the source had and the run looked at. */
        public long seen() {
            return copied + alreadyPresent + replaced;
        }

        /** The records the run wrote to the target. */
        public long changed() {
            return copied + replaced;
        }
    }
}

package dev.gatehouse.core.model.accounts;

import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether an account may sign in: active, pending approval, or locked with a reason. */
public sealed interface UserStatus {

    /** The reason used when none is given (llms.py's default). */
    String DEFAULT_LOCK_REASON = "Account suspended";

    /** The account may sign in. */
    record Active() implements UserStatus {
    }

    /** The account registered and waits for an administrator's approval. */
    record Pending() implements UserStatus {
    }

    /**
     * The account is locked. {@code since} is empty for locks read from stores that do not
     * record when (llms.py).
     */
    record Locked(String reason, Optional<Instant> since) implements UserStatus {
        public Locked {
            reason = reason == null || reason.isBlank() ? DEFAULT_LOCK_REASON : printable(reason);
            Objects.requireNonNull(since, "since");
            since = since.map(Times::truncate);
        }
    }

    /** The longest lock reason kept; it is shown at sign-in and in listings. */
    int MAX_REASON_LENGTH = 200;

    /** One line of at most {@link #MAX_REASON_LENGTH} characters: reasons come from people and old files. */
    private static String printable(String reason) {
        String line = reason.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    UserStatus ACTIVE = new Active();
    UserStatus PENDING = new Pending();

    static UserStatus locked(String reason, Instant since) {
        return new Locked(reason, Optional.ofNullable(since));
    }

    default boolean isLocked() {
        return this instanceof Locked;
    }

    default boolean isActive() {
        return this instanceof Active;
    }

    /** A word for listings: Active, Pending or Locked. */
    default String label() {
        if (this instanceof Locked) {
            return "Locked";
        }
        return this instanceof Pending ? "Pending" : "Active";
    }
}

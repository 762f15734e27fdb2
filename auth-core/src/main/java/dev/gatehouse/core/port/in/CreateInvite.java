package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.registration.Invite;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator invites people to register: a code shown once, good for {@code uses}
 * registrations (1 unless told) until it expires (7 days unless told), optionally only for one
 * email address.
 */
public interface CreateInvite {

    /** How long an invite lives unless its creator says otherwise. */
    Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    /** The longest an invite may live. */
    Duration MAX_LIFETIME = Duration.ofDays(365);

    Result create(Command command);

    /** Who asks; the email the invite is bound to, how many registrations and how long (defaults when empty). */
    record Command(Actor actor, Optional<String> email, Optional<Integer> uses, Optional<Duration> lifetime) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            email = Objects.requireNonNull(email, "email").filter(e -> !e.isBlank());
            Objects.requireNonNull(uses, "uses");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    /** What happened. */
    sealed interface Result permits Created, Refused {
    }

    /** The invite and its code, which exists nowhere else: show it once. */
    record Created(Invite invite, String code) implements Result {
        @Override
        public String toString() {
            return "Created[" + invite + "]";
        }
    }
}

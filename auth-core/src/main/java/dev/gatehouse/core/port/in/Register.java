package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.registration.RegistrationMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone creates their own account, as the operator's {@link RegistrationMode} allows: never
 * ({@code closed}), at once ({@code open}), pending an administrator's approval ({@code approval};
 * a valid invite skips the wait), or only with a valid invite ({@code invite}). An address that
 * matches the operator's administrator email makes an administrator only when it is verified: by
 * an invite bound to it, or by the caller ({@code emailVerified}, for a provider that vouches for it).
 */
public interface Register {

    /** The mode this server runs in. */
    RegistrationMode mode();

    Result register(Command command);

    /**
     * The name and password asked for, an optional email address and invite code as typed,
     * whether something outside Gatehouse verified the email (a provider; never a form field),
     * and where the request came from.
     */
    record Command(String username, Password password, Optional<String> email, Optional<String> inviteCode,
                   boolean emailVerified, String clientIp) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            email = Objects.requireNonNull(email, "email").filter(e -> !e.isBlank());
            inviteCode = Objects.requireNonNull(inviteCode, "inviteCode").map(String::strip).filter(c -> !c.isEmpty());
            clientIp = clientIp == null ? "" : clientIp;
        }

        /** A form's registration: the email is not verified. */
        public Command(String username, Password password, Optional<String> email, Optional<String> inviteCode,
                       String clientIp) {
            this(username, password, email, inviteCode, false, clientIp);
        }
    }

    /** What happened. */
    sealed interface Result permits Registered, Declined, Throttled {
    }

    /** The account exists; {@code pending} while it waits for approval (it cannot sign in until then). */
    record Registered(User user, boolean pending) implements Result {
    }

    /** Nothing was created; {@code message} says why and what to do. */
    record Declined(Why why, String message) implements Result {
        public Declined {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Too many registration attempts from this address lately. */
    record Throttled(Duration retryAfter) implements Result {
    }

    /** Why a registration was declined, stable for programs. */
    enum Why {
        CLOSED, INVITE_REQUIRED, INVITE_INVALID, INVITE_EXPIRED, INVITE_USED_UP, INVITE_REVOKED,
        EMAIL_REQUIRED, EMAIL_MISMATCH, USERNAME_TAKEN, WEAK_PASSWORD, INVALID
    }
}

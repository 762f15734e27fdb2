package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.sessions.Session;
import java.time.Duration;
import java.util.Objects;

/**
 * Username and password in, a new session (or a uniform failure) out.
 *
 * <p>An unknown user, a wrong password and a locked account with a wrong password all give the
 * same {@link Rejected} and take the same time. Only the right password for a locked or pending
 * account reveals that state, as llms.py users expect.
 */
public interface SignIn {

    Result signIn(Command command);

    /** What the person typed, and where the request came from. */
    record Command(String username, Password password, String clientIp, String userAgent) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            clientIp = clientIp == null ? "" : clientIp;
            userAgent = userAgent == null ? "" : userAgent;
        }
    }

    /** What happened. */
    sealed interface Result permits SignedIn, Rejected, AccountLocked, AwaitingApproval, Throttled {
    }

    /** Welcome. {@code token} is the session's secret: give it to the client once, never store it. */
    record SignedIn(User user, Session session, String token) implements Result {
        @Override
        public String toString() {
            return "SignedIn[" + user.username() + ", session=" + session.id() + "]";
        }
    }

    /** Unknown user or wrong password: deliberately not saying which. */
    record Rejected() implements Result {
        public static final String MESSAGE = "Invalid username or password.";
    }

    /** Right password, but the account is locked. */
    record AccountLocked(String reason) implements Result {
    }

    /** Right password, but an administrator has not approved the account yet. */
    record AwaitingApproval() implements Result {
    }

    /** Too many failed attempts lately for this account or from this address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Result {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}

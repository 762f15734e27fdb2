package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the very first administrator of an empty store, for whoever holds the one-time setup
 * code the server printed, and signs them in. Once any user exists it does nothing.
 */
public interface SetUp {

    /** True while the store has no users. */
    boolean needed();

    Result setUp(Command command);

    /** The setup code as typed, the administrator to create, and where the request came from. */
    record Command(String code, Username username, Password password, String clientIp, String userAgent) {
        public Command {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            clientIp = clientIp == null ? "" : clientIp;
            userAgent = userAgent == null ? "" : userAgent;
        }
    }

    /** What happened. */
    sealed interface Result permits Done, WrongCode, AlreadyDone, Throttled, Refused {
    }

    /** The administrator exists and is signed in. */
    record Done(SignIn.SignedIn signedIn) implements Result {
    }

    /** The code is not the one the server printed (or was used already). */
    record WrongCode() implements Result {
        public static final String MESSAGE = "That setup code is not right. Copy it from the server's console output.";
    }

    /** A user exists already: sign in instead. */
    record AlreadyDone() implements Result {
        public static final String MESSAGE = "Setup is already done: an account exists. Sign in instead.";
    }

    /** Too many wrong codes from this address lately. */
    record Throttled(Duration retryAfter) implements Result {
    }
}

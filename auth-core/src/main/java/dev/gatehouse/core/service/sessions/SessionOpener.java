package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Opens a session for an account that a sign-in has just checked, the one way every sign-in does
 * (a password, a provider): the last login is recorded in the same atomic update that confirms the
 * account is still as checked, and the session is taken back if the account was locked or
 * removed while it was being saved.
 */
public final class SessionOpener {

    private final UserStore users;
    private final SessionStore sessions;
    private final TokenDigests tokens;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionOpener(UserStore users, SessionStore sessions, TokenDigests tokens, SessionPolicy policy,
                         Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    /** The account as it now is, its new session and the session's secret (for the client, once). */
    public record Opened(User user, Session session, String token) {
        public Opened {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Opened[" + user.username() + ", session=" + session.id() + "]";
        }
    }

    /**
     * Opens a session for {@code username} if the account, read again inside the store's atomic
     * update, still passes {@code asChecked} (active, and whatever the caller checked); the same
     * update records the last login and applies {@code alsoChange} (a rehash, roles from a
     * provider). {@code alsoChange} may run more than once and must have no other effects.
     *
     * @return the opened session, or empty (nothing changed, no session) if the account changed
     *         meanwhile: the caller's check was against a stale account and counts for nothing
     */
    public Optional<Opened> open(Username username, Predicate<User> asChecked, UnaryOperator<User> alsoChange,
                                 String clientIp, String userAgent) {
        Instant now = clock.instant();
        AtomicBoolean stale = new AtomicBoolean();
        Optional<User> updated = users.update(username, current -> {
            stale.set(!current.status().isActive() || !asChecked.test(current));
            if (stale.get()) {
                return current;
            }
            return alsoChange.apply(current.withLastLogin(new LastLogin(now, clientIp)));
        });
        if (updated.isEmpty() || stale.get()) {
            return Optional.empty();
        }
        String token = tokens.newToken();
        Session session = new Session(new SessionId(tokens.newId()), tokens.digest(token), username,
                now, now, now.plus(policy.absoluteLifetime()), clientIp, userAgent);
        sessions.save(session);
        // A lock or removal between the update and the save would have missed this session.
        if (users.find(username).filter(current -> current.status().isActive()).isEmpty()) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        return Optional.of(new Opened(updated.get(), session, token));
    }
}

package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.http.web.Browsers;
import dev.gatehouse.http.web.PageLinks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** My Account: who I am, what I may use, how I sign in, and where I am signed in. {@code lastLogin} is null before the first sign-in. */
public record AccountPage(Shell shell, String username, String avatar, List<String> roles, String status,
                          Moment created, Moment lastLogin, String lastIp, List<SessionRow> sessions,
                          EffectiveRights rights, SignInMethods methods) {

    public AccountPage {
        roles = List.copyOf(roles);
        sessions = List.copyOf(sessions);
    }

    /** {@code rights} is null when they could not be read: the page then says so. */
    static AccountPage of(Shell shell, User user, List<Session> sessions, Optional<SessionId> current, Instant now,
                          EffectiveRights rights, SignInMethods methods) {
        return new AccountPage(shell, user.username().value(), PageLinks.avatar(user.username().value()),
                user.roles().stream().sorted().map(Role::label).toList(), user.status().label(),
                Moment.of(user.createdAt(), now),
                user.lastLogin().map(l -> Moment.of(l.at(), now)).orElse(null),
                user.lastLogin().map(l -> l.clientIp()).orElse(""),
                sessions.stream().map(s -> SessionRow.of(s, current.map(s.id()::equals).orElse(false), now)).toList(), rights,
                methods);
    }

    /** True when there are sessions besides this one to end. */
    public boolean hasOtherSessions() {
        return sessions.stream().anyMatch(s -> !s.current());
    }

    /** One signed-in browser or client. */
    public record SessionRow(String id, Moment created, Moment lastSeen, String clientIp, String browser,
                             String userAgent, boolean current) {

        static SessionRow of(Session session, boolean current, Instant now) {
            return new SessionRow(session.id().value(), Moment.of(session.createdAt(), now),
                    Moment.of(session.lastSeenAt(), now), session.clientIp(), Browsers.describe(session.userAgent()),
                    session.userAgent(), current);
        }
    }
}

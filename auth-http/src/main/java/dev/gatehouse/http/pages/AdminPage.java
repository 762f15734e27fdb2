package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.http.web.PageLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Manage Users: one page of accounts in name order. {@code after} is the name this page starts
 * after (empty on the first), {@code next} the link to the following page (empty on the last).
 */
public record AdminPage(Shell shell, List<Row> users, long total, String after, String next) {

    /** How many users one page shows. */
    static final int PAGE_SIZE = 100;

    public AdminPage {
        users = List.copyOf(users);
    }

    public boolean firstPage() {
        return after.isEmpty();
    }

    /** The URL of the following page. */
    public String nextLink() {
        return "/admin?after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * One account as a table row; {@code email} is empty when none was given, {@code lastLogin}
     * null for accounts that never signed in.
     */
    public record Row(String username, String email, String avatar, List<String> roles, boolean admin, String status,
                      String lockedReason, Moment created, Moment lastLogin, String lastIp, boolean self,
                      List<String> identities) {

        /** {@code identities} are the account's provider identities as {@code provider:login}. */
        static Row of(User user, User viewer, Instant now, List<String> identities) {
            String reason = user.status() instanceof UserStatus.Locked locked ? locked.reason() : "";
            return new Row(user.username().value(), user.email().orElse(""), PageLinks.avatar(user.username().value()),
                    user.roles().stream().sorted().map(Role::label).toList(), user.isAdmin(), user.status().label(),
                    reason, Moment.of(user.createdAt(), now),
                    user.lastLogin().map(l -> Moment.of(l.at(), now)).orElse(null),
                    user.lastLogin().map(l -> l.clientIp()).orElse(""),
                    user.username().equals(viewer.username()), List.copyOf(identities));
        }

        public boolean locked() {
            return "Locked".equals(status);
        }

        /** Admins cannot be locked (demote them first), nor can anyone lock themselves. */
        public boolean canLock() {
            return !locked() && !admin && !self;
        }

        /** Active users who are not administrators may be impersonated, never oneself. */
        public boolean canImpersonate() {
            return "Active".equals(status) && !admin && !self;
        }

        public boolean canDelete() {
            return !self;
        }
    }
}

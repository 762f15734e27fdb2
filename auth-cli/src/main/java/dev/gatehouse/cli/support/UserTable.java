package dev.gatehouse.cli.support;

import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Users as people read them: Gatehouse's table and llms.py's {@code --listusers} lines. */
public final class UserTable {

    static final String[] HEADINGS = {"USERNAME", "ROLES", "STATUS", "CREATED", "LAST LOGIN"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Instant now;

    public UserTable(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** The table of {@link #table(List, Map)} for a store where nobody signs in through a provider. */
    public List<String> table(List<User> users) {
        return table(users, Map.of());
    }

    /**
     * A table with a heading row, columns separated by two spaces; an EMAIL column after the name
     * when any of the users gave an address ("-" for those who did not), and a SIGN-IN column last
     * when any has an identity at a provider linked ({@code password, github:octocat}).
     */
    public List<String> table(List<User> users, Map<Username, List<IdentityLink>> links) {
        boolean emails = users.stream().anyMatch(user -> user.email().isPresent());
        boolean linked = users.stream().anyMatch(user -> !links.getOrDefault(user.username(), List.of()).isEmpty());
        List<String[]> rows = new ArrayList<>();
        String[] headings = emails ? withEmail(HEADINGS, "EMAIL") : HEADINGS;
        rows.add(linked ? withLast(headings, "SIGN-IN") : headings);
        for (User user : users) {
            String[] row = {user.username().value(), roles(user), status(user.status()), created(user), lastLogin(user)};
            row = emails ? withEmail(row, user.email().orElse("-")) : row;
            List<String> methods = signIn(user, links.getOrDefault(user.username(), List.of()));
            rows.add(linked ? withLast(row, String.join(", ", methods)) : row);
        }
        return TextColumns.lines(rows);
    }

    /**
     * How {@code user} can sign in: {@code password} if it has one, then each linked identity as
     * {@code provider:login}, oldest first; {@code none} if nothing (an account that cannot sign in).
     */
    public static List<String> signIn(User user, List<IdentityLink> links) {
        List<String> methods = new ArrayList<>();
        if (user.passwordHash().isPresent()) {
            methods.add("password");
        }
        links.forEach(link -> methods.add(link.label()));
        return methods.isEmpty() ? List.of("none") : methods;
    }

    private static String[] withLast(String[] row, String cell) {
        String[] wider = java.util.Arrays.copyOf(row, row.length + 1);
        wider[row.length] = cell;
        return wider;
    }

    private static String[] withEmail(String[] row, String email) {
        String[] wider = new String[row.length + 1];
        wider[0] = row[0];
        wider[1] = email;
        System.arraycopy(row, 1, wider, 2, row.length - 1);
        return wider;
    }

    /** llms.py's format: {@code   NAME  (created: YYYY-MM-DD HH:MM:SS)  LOCKED: REASON}, names padded. */
    public List<String> llmsPy(List<User> users) {
        int width = users.stream().mapToInt(user -> user.username().value().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (User user : users) {
            String line = "  " + pad(user.username().value(), width) + "  (created: " + created(user) + ")";
            if (user.status() instanceof UserStatus.Locked locked) {
                line += "  LOCKED: " + locked.reason();
            }
            lines.add(line);
        }
        return lines;
    }

    /** Every role, Admin first: "Admin, User" or "User". */
    public static String roles(User user) {
        return user.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    public static String status(UserStatus status) {
        return status instanceof UserStatus.Locked locked ? "Locked: " + locked.reason() : status.label();
    }

    public String created(User user) {
        return LOCAL.format(user.createdAt().atZone(zone));
    }

    public String lastLogin(User user) {
        if (user.lastLogin().isEmpty()) {
            return "never";
        }
        LastLogin login = user.lastLogin().get();
        String when = Times.ago(login.at(), now);
        return login.clientIp().isEmpty() ? when : login.clientIp() + " (" + when + ")";
    }

    /** {@code instant} as a local time, as the CREATED column shows it. */
    public String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** {@code instant} relative to now: {@code 3 days ago}. */
    public String ago(Instant instant) {
        return Times.ago(instant, now);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.PageLinks;
import java.time.Instant;
import java.util.Optional;

/**
 * The frame around every page: its title, the asset URLs, and the menu of whoever is signed in
 * ({@code username} is null on pages seen signed out); while an administrator acts as the user,
 * who they are ({@code impersonator}, else null) and when that ends.
 */
public record Shell(String title, String css, String js, String icon, String username, boolean admin,
                    String impersonator, Instant impersonationEnds) {

    /** A page nobody impersonates. */
    public Shell(String title, String css, String js, String icon, String username, boolean admin) {
        this(title, css, js, icon, username, admin, null, null);
    }

    /** The frame for {@code caller}'s page (or a signed-out one), with the banner while they are impersonated. */
    static Shell of(String title, Assets assets, Optional<Caller> caller) {
        return new Shell(title, assets.url("gatehouse.css"), assets.url("gatehouse.js"), assets.url("icon.svg"),
                caller.map(c -> c.user().username().value()).orElse(null), caller.map(Caller::admin).orElse(false),
                caller.flatMap(Caller::impersonator).map(Username::value).orElse(null),
                caller.filter(c -> c.impersonator().isPresent()).flatMap(Caller::session).map(Session::expiresAt)
                        .orElse(null));
    }

    public boolean signedIn() {
        return username != null;
    }

    /** True while an administrator acts as the signed-in user: the page shows a banner. */
    public boolean impersonating() {
        return impersonator != null && impersonationEnds != null;
    }

    /** Whole minutes left of the impersonation at {@code now}, at least 0. */
    public long minutesLeft(Instant now) {
        return impersonating() ? Math.max(0, (impersonationEnds.getEpochSecond() - now.getEpochSecond() + 59) / 60) : 0;
    }

    /** The signed-in user's avatar URL. */
    public String avatar() {
        return username == null ? "" : PageLinks.avatar(username);
    }
}

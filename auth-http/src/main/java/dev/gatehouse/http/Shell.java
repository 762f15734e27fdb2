package dev.gatehouse.http;

/**
 * The frame around every page: its title, the asset URLs, and the menu of whoever is signed in
 * ({@code username} is null on pages seen signed out).
 */
public record Shell(String title, String css, String js, String icon, String username, boolean admin) {

    public boolean signedIn() {
        return username != null;
    }

    /** The signed-in user's avatar URL. */
    public String avatar() {
        return username == null ? "" : PageLinks.avatar(username);
    }
}

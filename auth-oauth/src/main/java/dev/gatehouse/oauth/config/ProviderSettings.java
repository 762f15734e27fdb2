package dev.gatehouse.oauth.config;

import dev.gatehouse.core.model.identities.ProviderName;
import java.util.List;

/**
 * What the operator said about one sign-in provider. The parts the providers themselves use are on
 * {@link OidcSettings} and {@link GitHubSettings}; the parts here are also read by whoever
 * assembles the application: the button (display name, order), the role mapping ({@link #rolesClaim},
 * {@link #adminValues}) and the email-linking rule ({@link #trustEmail}).
 */
public sealed interface ProviderSettings permits OidcSettings, GitHubSettings {

    ProviderName name();

    /** What the button says after "Sign in with". */
    String displayName();

    /** Where the button goes among the others: lower first, ties by name. */
    int order();

    /** The scopes asked for. */
    List<String> scopes();

    /** The values (of the roles claim, or GitHub {@code org} / {@code org/team} names) that make an administrator. */
    List<String> adminValues();

    /**
     * Whether the operator trusts this provider's verified email addresses enough to link a new
     * sign-in to an existing account by address (only where linking by email is turned on at all).
     */
    boolean trustEmail();

    /** Whether a sign-in without a verified email address is refused ({@code EMAIL_UNVERIFIED}). */
    boolean requireVerifiedEmail();
}

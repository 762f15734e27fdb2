package dev.gatehouse.core.model.identities;

import dev.gatehouse.core.model.accounts.EmailAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider vouched for at the end of one completed, fully checked round trip: the
 * provider's own stable {@code subject} for the person (an OIDC {@code sub}, GitHub's numeric id;
 * never a name that can be renamed), how people know them there ({@code login}: {@code octocat},
 * {@code alice@corp}), their email address if the provider gave one and whether the provider
 * verified it, and the values of the operator's roles claim ({@code groups}: Keycloak groups,
 * GitHub {@code org} and {@code org/team} names) for {@code ProviderRules} to map to rights.
 *
 * @param displayName the person's name as the provider has it, for a new account's page; may be empty
 */
public record ExternalIdentity(ProviderName provider, String subject, String login, Optional<String> email,
                               boolean emailVerified, List<String> groups, Optional<String> displayName) {

    /** The longest subject kept; OIDC allows 255 ASCII characters. */
    public static final int MAX_SUBJECT = 255;

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT || subject.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("A provider's subject must be 1 to " + MAX_SUBJECT
                    + " printable ASCII characters.");
        }
        login = Objects.requireNonNull(login, "login").isBlank() ? subject : printable(login.strip());
        email = Objects.requireNonNull(email, "email").map(EmailAddress::normalise);
        emailVerified = emailVerified && email.isPresent();
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        displayName = Objects.requireNonNull(displayName, "displayName").map(String::strip).filter(n -> !n.isEmpty())
                .map(ExternalIdentity::printable);
    }

    /**
     * People often choose their login and name at the provider: control characters (terminal
     * escapes in {@code user show}, line breaks in logs) and direction overrides (which make
     * {@code mallory} read as another name in lists) become {@code ?}.
     */
    private static String printable(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]", "?");
    }

    /** The verified address, if the provider gave one and verified it. */
    public Optional<String> verifiedEmail() {
        return emailVerified ? email : Optional.empty();
    }

    /** {@code keycloak:alice@corp}: for messages and the audit log (the subject stays out of sight). */
    public String label() {
        return provider + ":" + login;
    }
}

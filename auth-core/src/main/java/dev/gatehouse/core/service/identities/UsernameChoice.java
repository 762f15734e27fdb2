package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.identities.ExternalIdentity;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The username a new account made through a provider asks for, before it is made unique: the
 * provider's login ({@code preferred_username}, GitHub's login), or the local part of the email
 * address when the provider gave no login; its part before any {@code @}; without accents, in lower case, with
 * anything but letters, digits, {@code .}, {@code _} and {@code -} turned into {@code -}, at most
 * {@value #MAX_BASE} characters; {@code user} when nothing is left. Names that mean someone else
 * in Gatehouse ({@code admin} is always an administrator; {@code operator}, {@code anonymous} and
 * {@code setup} name actors in the audit log) get the provider's name in front: {@code github-admin}.
 * Unique by a suffix: {@code alice}, then {@code alice-2}, {@code alice-3}, and so on.
 */
final class UsernameChoice {

    /** Leaves room for a suffix within {@code Username.MAX_LENGTH}. */
    static final int MAX_BASE = 40;

    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "operator", "anonymous",
            "setup", "system");

    private UsernameChoice() {
    }

    static String base(ExternalIdentity identity) {
        boolean hasLogin = !identity.login().equals(identity.subject());
        // Never the subject: an opaque id is no name for people, and it stays out of sight.
        String raw = hasLogin ? identity.login() : identity.email().orElse("");
        int at = raw.indexOf('@');
        String name = Normalizer.normalize(at > 0 ? raw.substring(0, at) : raw, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "") // accents go: Ålice becomes alice
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-._]+|[-._]+$", "");
        if (name.length() > MAX_BASE) {
            name = name.substring(0, MAX_BASE).replaceAll("[-._]+$", "");
        }
        if (name.isEmpty()) {
            name = "user";
        }
        return RESERVED.contains(name) ? identity.provider() + "-" + name : name;
    }

    /** The {@code attempt}th name to try (from 1): the base, then the base with {@code -2}, {@code -3}, ... */
    static String candidate(String base, int attempt) {
        return attempt <= 1 ? base : base + "-" + attempt;
    }
}

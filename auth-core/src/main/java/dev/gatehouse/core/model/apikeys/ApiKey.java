package dev.gatehouse.core.model.apikeys;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A key a machine authenticates with, owned by a user and acting with (at most) that user's
 * rights. The secret is never kept: a minted key is stored as the keyed digest of its secret
 * ({@code digest}, HMAC-SHA-256 as 64 lowercase hex characters), and {@code displayPrefix} (its
 * first characters, e.g. {@code gate_Ab3dEf9}) lets people tell keys apart.
 *
 * <p>An {@link Origin#IMPORTED} key came from another system and is read-only in the sense that
 * nothing mints more like it: it may have no digest and carry a {@code legacyVerifier} naming the
 * scheme that checks it instead ({@code llmux-sha256:<base64>} for llmux v2 keys, {@code config:NAME}
 * for keys from configuration). Empty {@code scopes} mean all of the owner's rights; otherwise
 * each scope narrows them. A revoked key stays listed, marked revoked.
 */
public record ApiKey(
        ApiKeyId id,
        Username owner,
        String name,
        String digest,
        String displayPrefix,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> lastUsedAt,
        Set<String> scopes,
        Optional<Instant> revokedAt,
        Origin origin,
        Optional<String> legacyVerifier) {

    /** Where a key came from: minted by Gatehouse, or imported from another system or configuration. */
    public enum Origin { MINTED, IMPORTED }

    /** The longest name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The most scopes one key may carry. */
    public static final int MAX_SCOPES = 64;
    /** What one scope may look like: lower-case words, digits and {@code . _ : * -}, at most 64 characters. */
    public static final Pattern SCOPE = Pattern.compile("[a-z0-9][a-z0-9._:*-]{0,63}");
    /**
     * The scope that lets a key with scopes manage Gatehouse (its owner's account, keys, users) as
     * its owner may. No feature can be named so (features have no {@code :}), no wildcard grants it
     * ({@code *} does not), and it grants no feature.
     */
    public static final String MANAGE_SCOPE = "gatehouse:manage";
    /** Scopes in Gatehouse's own name space; {@link #MANAGE_SCOPE} is the only one. */
    static final String OWN_SCOPES = "gatehouse:";

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        name = checkedName(name);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(legacyVerifier, "legacyVerifier");
        checkSecretForm(digest, origin, legacyVerifier);
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        if (!displayPrefix.matches("[\\x21-\\x7e]{0,12}")) {
            throw new IllegalArgumentException("A key's display prefix is at most 12 visible ASCII characters, was '"
                    + displayPrefix.replaceAll("\\p{Cntrl}", "?") + "'.");
        }
        createdAt = Times.truncate(Objects.requireNonNull(createdAt, "createdAt"));
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").map(Times::truncate);
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(createdAt)) {
            throw new IllegalArgumentException("A key must expire after it is created; it is created " + createdAt
                    + " and would expire " + expiresAt.get() + ".");
        }
        lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt").map(Times::truncate);
        revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Times::truncate);
        scopes = checkedScopes(scopes);
    }

    /** Trims {@code name} and refuses an empty, too long or multi-line one. */
    public static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A key needs a name (1 to " + MAX_NAME_LENGTH + " characters).");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The key name '" + trimmed.substring(0, 20) + "...' is " + trimmed.length()
                    + " characters long; at most " + MAX_NAME_LENGTH + " are allowed.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The key name '" + trimmed.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character (a line break, a tab); use one line of text.");
        }
        return trimmed;
    }

    /** A copy of {@code scopes}, sorted, each checked against {@link #SCOPE}. */
    public static Set<String> checkedScopes(Set<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.size() > MAX_SCOPES) {
            throw new IllegalArgumentException("A key may carry at most " + MAX_SCOPES + " scopes; " + scopes.size()
                    + " were given.");
        }
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("'" + String.valueOf(scope).replaceAll("\\p{Cntrl}", "?")
                        + "' is not a scope; a scope is 1 to 64 lower-case letters, digits and '.', '_', ':', '*', '-',"
                        + " starting with a letter or digit (e.g. chat or models:llama-*).");
            }
            if (scope.startsWith(OWN_SCOPES) && !scope.equals(MANAGE_SCOPE)) {
                // A misspelt management scope must not quietly become a feature scope that grants nothing.
                throw new IllegalArgumentException("'" + scope + "' is not a scope; the only scope starting with '"
                        + OWN_SCOPES + "' is " + MANAGE_SCOPE + " (to manage Gatehouse with the key).");
            }
        }
        return java.util.Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    private static void checkSecretForm(String digest, Origin origin, Optional<String> verifier) {
        if (!digest.isEmpty() && !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A key's digest must be 64 lowercase hex characters (HMAC-SHA-256).");
        }
        verifier.ifPresent(v -> {
            if (!v.matches("[a-z0-9-]{1,32}:[\\x21-\\x7e]{1,200}")) {
                throw new IllegalArgumentException("A key's legacy verifier must be 'scheme:value' in visible ASCII,"
                        + " e.g. llmux-sha256:<base64>.");
            }
        });
        if (origin == Origin.MINTED && (digest.isEmpty() || verifier.isPresent())) {
            throw new IllegalArgumentException("A minted key has a digest and no legacy verifier.");
        }
        if (origin == Origin.IMPORTED && digest.isEmpty() && verifier.isEmpty()) {
            throw new IllegalArgumentException("An imported key needs a digest or a legacy verifier to be checked by.");
        }
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** True from its expiry on. */
    public boolean isExpired(Instant now) {
        return expiresAt.map(end -> !now.isBefore(end)).orElse(false);
    }

    /** Neither revoked nor expired at {@code now} (the owner's state is the use case's to check). */
    public boolean usable(Instant now) {
        return !isRevoked() && !isExpired(now);
    }

    /** True for keys that came from elsewhere (imports, configuration): never minted, kept read-only. */
    /** How lists show a key at {@code now}: Revoked, Expired, Legacy (imported or configured, still working) or Active. */
    public String status(Instant now) {
        if (isRevoked()) {
            return "Revoked";
        }
        if (isExpired(now)) {
            return "Expired";
        }
        return isLegacy() ? "Legacy" : "Active";
    }

    public boolean isLegacy() {
        return origin == Origin.IMPORTED;
    }

    public ApiKey withName(String newName) {
        return new ApiKey(id, owner, newName, digest, displayPrefix, createdAt, expiresAt, lastUsedAt, scopes,
                revokedAt, origin, legacyVerifier);
    }

    /** Revoked at {@code at}; a key revoked already keeps its first revocation time. */
    public ApiKey revoked(Instant at) {
        return isRevoked() ? this : new ApiKey(id, owner, name, digest, displayPrefix, createdAt, expiresAt,
                lastUsedAt, scopes, Optional.of(at), origin, legacyVerifier);
    }

    /** Last used at {@code at}, unless it was recorded used later already: the time never moves back. */
    public ApiKey usedAt(Instant at) {
        Instant truncated = Times.truncate(at);
        return lastUsedAt.filter(last -> !last.isBefore(truncated)).isPresent() ? this
                : new ApiKey(id, owner, name, digest, displayPrefix, createdAt, expiresAt, Optional.of(truncated), scopes,
                revokedAt, origin, legacyVerifier);
    }

    /**
     * True if {@code other} is this key in another state: only the name, last use and revocation
     * differ. Stores refuse updates that change anything else.
     */
    public boolean sameKeyAs(ApiKey other) {
        return id.equals(other.id) && owner.equals(other.owner) && digest.equals(other.digest)
                && displayPrefix.equals(other.displayPrefix) && createdAt.equals(other.createdAt)
                && expiresAt.equals(other.expiresAt) && scopes.equals(other.scopes) && origin == other.origin
                && legacyVerifier.equals(other.legacyVerifier);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", owner=" + owner + ", " + displayPrefix + "…, " + origin
                + (isRevoked() ? ", revoked" : "") + "]";
    }
}

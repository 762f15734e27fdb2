package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keys from configuration ({@code GATEHOUSE_API_KEYS}, comma-separated, like LocalAI's
 * {@code API_KEY}): legacy and read-only. They live in memory only, as SHA-256 digests; a presented
 * key is compared with every one of them in constant time. They act as the user they are mapped
 * to, or by default as a built-in administrator named {@code apikey} that is in no store. Nothing
 * mints, stores, renames or revokes them: they change only with the configuration.
 */
public final class StaticKeys {

    /** The name of the built-in administrator static keys act as when not mapped to a user. */
    public static final Username BUILT_IN = Username.of("apikey");
    /** Where the keys come from, as listings and the legacy verifier name it. */
    public static final String SOURCE = "GATEHOUSE_API_KEYS";
    /** The shortest static key accepted. */
    public static final int MIN_LENGTH = 8;
    /** How a listing's legacy verifier starts: it is checked against the configuration, not a store. */
    private static final String VERIFIER_SCHEME = "config:";

    private final List<byte[]> digests;
    private final List<ApiKey> listed;
    private final Optional<Username> mappedTo;
    private final User builtIn;

    /** Keys acting as {@code mappedTo} (or the built-in administrator), listed as created at {@code since}. */
    public StaticKeys(List<String> keys, Optional<Username> mappedTo, Instant since) {
        this.mappedTo = mappedTo;
        this.builtIn = new User(BUILT_IN, Optional.empty(), Set.of(Role.ADMIN), UserStatus.ACTIVE, since, Optional.empty());
        List<byte[]> digests = new ArrayList<>();
        List<ApiKey> listed = new ArrayList<>();
        for (String key : keys) {
            if (key.length() < MIN_LENGTH || !key.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("Key " + (listed.size() + 1) + " in " + SOURCE + " is not usable: a"
                        + " static key is at least " + MIN_LENGTH + " visible ASCII characters without spaces or commas;"
                        + " make a long random one (for example with `openssl rand -hex 32`).");
            }
            digests.add(sha256(key));
            listed.add(listing(listed.size() + 1, key, mappedTo.orElse(BUILT_IN), since));
        }
        this.digests = List.copyOf(digests);
        this.listed = List.copyOf(listed);
    }

    /** No static keys. */
    public static StaticKeys none() {
        return new StaticKeys(List.of(), Optional.empty(), Instant.EPOCH);
    }

    /** The keys of a comma-separated setting; blank entries (a trailing comma) are skipped. */
    public static StaticKeys parse(String commaSeparated, Optional<Username> mappedTo, Instant since) {
        List<String> keys = commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        return new StaticKeys(keys, mappedTo, since);
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** The configured key {@code presented} is, if any; every key is compared, whichever matches. */
    public Optional<ApiKey> match(String presented) {
        if (presented == null || digests.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            boolean equal = MessageDigest.isEqual(digests.get(i), candidate);
            found = equal && found < 0 ? i : found;
        }
        return found < 0 ? Optional.empty() : Optional.of(listed.get(found));
    }

    /** The keys as listings show them: imported, checked by the configuration, no secret material. */
    public List<ApiKey> listed() {
        return listed;
    }

    /** Whether {@code key} is one of these listings (of any configuration): those change only with the setting. */
    public static boolean isConfigured(ApiKey key) {
        return key.legacyVerifier().filter(v -> v.startsWith(VERIFIER_SCHEME)).isPresent();
    }

    /** The user the keys act as, if configured; else they act as {@link #builtInAdministrator()}. */
    public Optional<Username> mappedTo() {
        return mappedTo;
    }

    /** The administrator static keys act as when not mapped: {@code apikey}, in no store. */
    public User builtInAdministrator() {
        return builtIn;
    }

    /** A long key shows its first 4 characters; a short one nothing, as 4 would be too much of it. */
    private static ApiKey listing(int number, String key, Username owner, Instant since) {
        String prefix = key.length() >= 24 ? key.substring(0, 4) : "";
        return new ApiKey(new ApiKeyId("config-" + number), owner, SOURCE + " #" + number, "", prefix, since,
                Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), ApiKey.Origin.IMPORTED,
                Optional.of(VERIFIER_SCHEME + SOURCE));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}

package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Keys another system kept in plain text (llmux v1's {@code auth.json}): imported as read-only
 * keys found by the keyed digest of their text, like minted keys, but of any shape. Because such
 * a key may look like anything, text that is not a Gatehouse key is looked up by digest only
 * while the store holds some ({@link #present}); otherwise it is turned away without the store.
 */
public final class PlainImportedKeys {

    /** The shortest text taken as such a key (as for static keys). */
    public static final int MIN_LENGTH = StaticKeys.MIN_LENGTH;
    /** The longest text taken as such a key. */
    public static final int MAX_LENGTH = 512;

    private static final long RECHECK_NANOS = 5_000_000_000L;

    private final ApiKeyStore keys;
    private volatile Seen seen;

    public PlainImportedKeys(ApiKeyStore keys) {
        this.keys = keys;
    }

    /**
     * True if {@code text} could be such a key: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} visible
     * ASCII characters, not starting like a Gatehouse key (those are judged by their checksum).
     */
    public static boolean couldBe(String text) {
        return text != null && text.length() >= MIN_LENGTH && text.length() <= MAX_LENGTH
                && !text.startsWith(ApiKeyFormat.PREFIX) && text.chars().allMatch(c -> c > ' ' && c < 127);
    }

    /** The key text {@code plain} becomes: imported, found by {@code digest}, showing its first 4 characters if long. */
    public static ApiKey imported(ApiKeyId id, Username owner, String name, String plain, String digest,
                                  Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {
        String prefix = plain.length() >= 24 ? plain.substring(0, 4) : "";
        return new ApiKey(id, owner, name, digest, prefix, createdAt, expiresAt, lastUsedAt, Set.of(),
                Optional.empty(), ApiKey.Origin.IMPORTED, Optional.empty());
    }

    /** Whether the store holds such keys, reading it if what was seen may be out of date. */
    boolean present() {
        return known().orElseGet(this::read);
    }

    /**
     * Whether the store holds such keys, from memory: while the store's change count is what it was
     * when last read, or for {@code 5 s} for stores without one. Empty when the store must be asked.
     */
    Optional<Boolean> known() {
        Seen last = seen;
        if (last == null) {
            return Optional.empty();
        }
        OptionalLong count = keys.changeCount();
        boolean current = count.isPresent()
                ? last.changeCount.isPresent() && last.changeCount.getAsLong() == count.getAsLong()
                : System.nanoTime() - last.readAt < RECHECK_NANOS;
        return current ? Optional.of(last.present) : Optional.empty();
    }

    private boolean read() {
        OptionalLong count = keys.changeCount();
        boolean present = keys.holdsImportedDigests();
        seen = new Seen(present, count, System.nanoTime());
        return present;
    }

    private record Seen(boolean present, OptionalLong changeCount, long readAt) {
    }
}

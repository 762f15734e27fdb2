package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings keys from another system into the store as imported keys: legacy and read-only (listed,
 * renamable, revocable, never minted anew) that keep working with their old secret. Only what is
 * new is added, so an import may run again; every key added is audited.
 */
public interface ImportApiKeys {

    /** How an imported key is checked. */
    sealed interface Secret permits LlmuxHash, PlainText {
    }

    /** An llmux v2 key ({@code sas_<id>.<secret>}): its id and llmux's {@code secretHash}. */
    record LlmuxHash(String tokenId, String secretHash) implements Secret {
        public LlmuxHash {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(secretHash, "secretHash");
        }
    }

    /** A key the other system kept in plain text (llmux v1): stored only as its digest. */
    record PlainText(String key) implements Secret {
        public PlainText {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "PlainText[******]";
        }
    }

    /**
     * One key as the other system had it; {@code label} names it in the report (e.g. {@code entry 3
     * (Xb12…)}), a blank {@code name} becomes {@code <owner>-imported}.
     */
    record Entry(String label, String owner, String name, Secret secret, Instant createdAt,
                 Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {
        public Entry {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }
    }

    /**
     * What an import did: keys added, keys already here, keys dated from their owner's account
     * (a key older than its owner's account never works), and one line per key skipped, saying why.
     */
    record Report(int imported, int alreadyPresent, int redated, List<String> skipped) {
        public Report {
            skipped = List.copyOf(skipped);
        }
    }

    /** Imports {@code entries}, read from {@code source} (named in the audit log), as {@code actor}. */
    Report importKeys(Actor actor, String source, List<Entry> entries);
}

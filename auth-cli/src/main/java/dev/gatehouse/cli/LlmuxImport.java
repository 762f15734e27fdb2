package dev.gatehouse.cli;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.ApiKey;
import dev.gatehouse.core.model.ApiKeyId;
import dev.gatehouse.core.model.AuditEvent.Outcome;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.LlmuxKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings llmux v2 keys into the store as imported (legacy, read-only) keys that keep working with
 * their old secret: same id, name and times, checked by llmux's secret hash ({@link LlmuxKeys}).
 * Running it again adds only what is new. Each imported key is audited.
 *
 * <p>A key older than its owner's account here never works (it could be an earlier account's), and
 * accounts moved from llmux are usually made anew; such a key is dated from its owner's creation.
 */
final class LlmuxImport {

    static final String IMPORT = "api_key.import";

    private final UserStore users;
    private final ApiKeyStore keys;
    private final AuditTrail audit;

    LlmuxImport(UserStore users, ApiKeyStore keys, AuditTrail audit) {
        this.users = users;
        this.keys = keys;
        this.audit = audit;
    }

    /** What an import did: counts, keys dated from their owner, and one line per key skipped. */
    record Report(int imported, int alreadyPresent, int redated, List<String> skipped) {
    }

    Report run(List<LlmuxTokensFile.Entry> entries, Actor actor, String source) {
        int imported = 0;
        int present = 0;
        int redated = 0;
        List<String> skipped = new ArrayList<>();
        for (LlmuxTokensFile.Entry entry : entries) {
            String which = "entry " + entry.index() + (entry.tokenId().isEmpty() ? "" : " (" + entry.tokenId() + ")");
            if (entry.problem() != null) {
                skipped.add(which + ": " + entry.problem());
                continue;
            }
            Optional<User> owner;
            ApiKey key;
            try {
                Username name = Username.of(entry.username());
                owner = users.find(name);
                if (owner.isEmpty()) {
                    skipped.add(which + ": its owner '" + name + "' is not a user here; add them"
                            + " ('gatehouse user add " + name + "') and import again");
                    continue;
                }
                key = key(entry, owner.get());
            } catch (IllegalArgumentException invalid) {
                skipped.add(which + ": " + invalid.getMessage());
                continue;
            }
            if (!keys.insert(key)) {
                present++;
                continue;
            }
            imported++;
            redated += key.createdAt().equals(entry.createdAt()) ? 0 : 1;
            audit.record(IMPORT, actor, key.owner(), Outcome.SUCCESS, details(key, source));
        }
        return new Report(imported, present, redated, List.copyOf(skipped));
    }

    private static ApiKey key(LlmuxTokensFile.Entry entry, User owner) {
        Instant created = entry.createdAt().isBefore(owner.createdAt()) ? owner.createdAt() : entry.createdAt();
        if (entry.expiresAt().isPresent() && !entry.expiresAt().get().isAfter(created)) {
            throw new IllegalArgumentException("it expired " + entry.expiresAt().get() + ", before its owner's account"
                    + " here was made");
        }
        String name = entry.name().isBlank() ? entry.username() + "-llmux" : entry.name();
        return LlmuxKeys.imported(ApiKeyId.of(entry.tokenId()), owner.username(), name, entry.secretHash(), created,
                entry.expiresAt(), entry.lastUsedAt());
    }

    private static Map<String, String> details(ApiKey key, String source) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("key", key.id().value());
        details.put("name", key.name());
        details.put("from", source);
        return details;
    }
}

package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.ImportApiKeys;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports llmux v2 keys (same id, checked by llmux's secret hash, {@link LlmuxKeys}) and keys kept
 * in plain text elsewhere (a new id, stored as their keyed digest, {@link PlainImportedKeys}).
 * Owners must be users here. A key older than its owner's account here would never work (it could
 * be an earlier account's), and accounts moved from another system are usually made anew, so such
 * a key is dated from its owner's creation and counted in the report.
 */
public final class ImportApiKeysService implements ImportApiKeys {

    /** The audit action of each imported key. */
    public static final String IMPORT = "api_key.import";

    private final UserStore users;
    private final ApiKeyStore keys;
    private final TokenDigests tokens;
    private final SecureRandomSource random;
    private final AuditTrail audit;

    public ImportApiKeysService(UserStore users, ApiKeyStore keys, TokenDigests tokens, SecureRandomSource random,
                                AuditTrail audit) {
        this.users = users;
        this.keys = keys;
        this.tokens = tokens;
        this.random = random;
        this.audit = audit;
    }

    @Override
    public Report importKeys(Actor actor, String source, List<Entry> entries) {
        int imported = 0;
        int present = 0;
        int redated = 0;
        List<String> skipped = new ArrayList<>();
        for (Entry entry : entries) {
            ApiKey key;
            try {
                Username name = Username.of(entry.owner());
                Optional<User> owner = users.find(name);
                if (owner.isEmpty()) {
                    skipped.add(entry.label() + ": its owner '" + name + "' is not a user here; add them"
                            + " ('gatehouse user add " + name + "') and import again");
                    continue;
                }
                key = key(entry, owner.get());
            } catch (IllegalArgumentException invalid) {
                skipped.add(entry.label() + ": " + invalid.getMessage());
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
        return new Report(imported, present, redated, skipped);
    }

    private ApiKey key(Entry entry, User owner) {
        Instant created = entry.createdAt().isBefore(owner.createdAt()) ? owner.createdAt() : entry.createdAt();
        if (entry.expiresAt().isPresent() && !entry.expiresAt().get().isAfter(created)) {
            throw new IllegalArgumentException("it expired " + entry.expiresAt().get() + ", before its owner's account"
                    + " here was made");
        }
        String name = entry.name().isBlank() ? owner.username() + "-imported" : entry.name();
        if (entry.secret() instanceof LlmuxHash llmux) {
            return LlmuxKeys.imported(ApiKeyId.of(llmux.tokenId()), owner.username(), name, llmux.secretHash(), created,
                    entry.expiresAt(), entry.lastUsedAt());
        }
        String plain = ((PlainText) entry.secret()).key();
        if (!PlainImportedKeys.couldBe(plain)) {
            throw new IllegalArgumentException("its key is not usable here: a key kept in plain text must be "
                    + PlainImportedKeys.MIN_LENGTH + " to " + PlainImportedKeys.MAX_LENGTH + " visible ASCII characters"
                    + " and not start with " + ApiKeyFormat.PREFIX);
        }
        return PlainImportedKeys.imported(ApiKeyFormat.newId(random), owner.username(), name, plain,
                tokens.digest(plain), created, entry.expiresAt(), entry.lastUsedAt());
    }

    private static Map<String, String> details(ApiKey key, String source) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("key", key.id().value());
        details.put("name", key.name());
        details.put("from", source);
        return details;
    }
}

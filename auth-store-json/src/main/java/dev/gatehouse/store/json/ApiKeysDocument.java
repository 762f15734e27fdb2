package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * gatehouse-api-keys.json: one object keyed by key id. Each entry holds the key's digest (never
 * the key), owner, name, display prefix, times, scopes, origin and, for imported keys, the legacy
 * verifier. {@code gatehouse-keys.json} beside it is something else: the store's own secret keys.
 */
final class ApiKeysDocument {

    static final String FILE_NAME = "gatehouse-api-keys.json";

    static final StoreFile.Codec<ApiKeysDocument> CODEC = new StoreFile.Codec<>() {
        @Override
        public ApiKeysDocument empty() {
            return new ApiKeysDocument(new LinkedHashMap<>());
        }

        @Override
        public ApiKeysDocument decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "it must be one JSON object keyed by API key id");
            Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                ApiKey key = read(entry.getKey(), entry.getValue());
                keys.put(key.id(), key);
            }
            return new ApiKeysDocument(keys);
        }

        @Override
        public byte[] encode(ApiKeysDocument document) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            document.keys.values().forEach(k -> root.set(k.id().value(), write(k)));
            return Json.pythonStyle(root);
        }
    };

    private final Map<ApiKeyId, ApiKey> keys;
    private final Map<String, ApiKey> byDigest = new HashMap<>();
    /** Built on first use: most reads never page. */
    private volatile List<ApiKey> byId;

    private ApiKeysDocument(Map<ApiKeyId, ApiKey> keys) {
        this.keys = keys;
        keys.values().stream().filter(k -> !k.digest().isEmpty()).forEach(k -> byDigest.put(k.digest(), k));
    }

    private static ApiKey read(String id, JsonNode value) {
        String what = "the API key \"" + id + "\"";
        Fields fields = new Fields(Fields.object(value, what), what);
        try {
            String origin = fields.text("origin");
            if (!origin.equals("minted") && !origin.equals("imported")) {
                throw fields.wrong("origin", value.get("origin"), "\"minted\" or \"imported\"");
            }
            return new ApiKey(new ApiKeyId(id), Username.of(fields.text("owner")), fields.text("name"),
                    fields.optionalText("digest").orElse(""), fields.text("displayPrefix"),
                    fields.isoInstant("createdAt"), fields.optionalIsoInstant("expiresAt"),
                    fields.optionalIsoInstant("lastUsedAt"), Set.copyOf(fields.textList("scopes")),
                    fields.optionalIsoInstant("revokedAt"), ApiKey.Origin.valueOf(origin.toUpperCase(Locale.ROOT)),
                    fields.optionalText("legacyVerifier"));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Fix that entry by hand, or remove it (that key then stops working)");
        }
    }

    private static ObjectNode write(ApiKey key) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("owner", key.owner().value());
        node.put("name", key.name());
        if (!key.digest().isEmpty()) {
            node.put("digest", key.digest());
        }
        node.put("displayPrefix", key.displayPrefix());
        node.put("createdAt", key.createdAt().toString());
        key.expiresAt().ifPresent(at -> node.put("expiresAt", at.toString()));
        key.lastUsedAt().ifPresent(at -> node.put("lastUsedAt", at.toString()));
        ArrayNode scopes = node.putArray("scopes");
        key.scopes().forEach(scopes::add);
        key.revokedAt().ifPresent(at -> node.put("revokedAt", at.toString()));
        node.put("origin", key.origin().name().toLowerCase(Locale.ROOT));
        key.legacyVerifier().ifPresent(verifier -> node.put("legacyVerifier", verifier));
        return node;
    }

    Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    Optional<ApiKey> findByDigest(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    boolean digestTaken(String digest) {
        return !digest.isEmpty() && byDigest.containsKey(digest);
    }

    Collection<ApiKey> all() {
        return keys.values();
    }

    /** Every key in id order, for paging. */
    List<ApiKey> byId() {
        List<ApiKey> sorted = byId;
        if (sorted == null) {
            sorted = keys.values().stream().sorted(java.util.Comparator.comparing(ApiKey::id)).toList();
            byId = sorted;
        }
        return sorted;
    }

    /** A copy with {@code changed} keys put in (new or replacing those of the same id). */
    ApiKeysDocument with(Collection<ApiKey> changed) {
        Map<ApiKeyId, ApiKey> copy = new LinkedHashMap<>(keys);
        changed.forEach(k -> copy.put(k.id(), k));
        return new ApiKeysDocument(copy);
    }

    /** The keys of a last-use batch that exist and whose last use moves forward, each used at its time. */
    List<ApiKey> usedAt(Map<ApiKeyId, Instant> lastUsed) {
        return lastUsed.entrySet().stream().filter(e -> keys.containsKey(e.getKey()))
                .map(e -> keys.get(e.getKey()).usedAt(e.getValue()))
                .filter(k -> !k.equals(keys.get(k.id()))).toList();
    }
}

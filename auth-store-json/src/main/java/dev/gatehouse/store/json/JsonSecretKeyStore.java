package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** Secret keys, base64, in gatehouse-keys.json, always mode 0600. */
final class JsonSecretKeyStore implements SecretKeyStore {

    static final String FILE_NAME = "gatehouse-keys.json";

    private static final StoreFile.Codec<Map<String, byte[]>> CODEC = new StoreFile.Codec<>() {
        @Override
        public Map<String, byte[]> empty() {
            return Map.of();
        }

        @Override
        public Map<String, byte[]> decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "it must be one JSON object of key name to base64 key");
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                keys.put(entry.getKey(), key(entry.getKey(), entry.getValue()));
            }
            return Collections.unmodifiableMap(keys);
        }

        @Override
        public byte[] encode(Map<String, byte[]> keys) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            keys.forEach((name, key) -> root.put(name, Base64.getEncoder().encodeToString(key)));
            return Json.pythonStyle(root);
        }
    };

    private static byte[] key(String name, JsonNode value) {
        if (value.isTextual()) {
            try {
                return Base64.getDecoder().decode(value.textValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        // Never echo the value: it is (part of) a secret.
        throw new CorruptFileException("has a key \"" + name + "\" that is not base64 text;"
                + " deleting that entry makes Gatehouse create a new key (and sign everyone out)");
    }

    private final StoreFile<Map<String, byte[]>> file;

    JsonSecretKeyStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, FILE_NAME, CODEC, true);
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(file.read().keySet());
    }

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generator) {
        Objects.requireNonNull(name, "name");
        byte[] existing = file.read().get(name);
        if (existing != null) {
            return existing.clone();
        }
        return file.change(keys -> {
            if (keys.containsKey(name)) {
                return Change.keep(keys.get(name).clone()); // another process created it meanwhile
            }
            byte[] created = Objects.requireNonNull(generator.get(), "generated key").clone();
            Map<String, byte[]> next = new LinkedHashMap<>(keys);
            next.put(name, created);
            return Change.write(Collections.unmodifiableMap(next), created.clone());
        });
    }
}

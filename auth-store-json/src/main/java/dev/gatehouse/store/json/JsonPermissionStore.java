package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Users' permission settings in {@value #FILE_NAME}: one object per username, with
 * {@code features} (name to true or false) and {@code models} ({@code "all"} or an array of names
 * and patterns). Changes are read-modify-writes under the directory lock, written atomically.
 */
final class JsonPermissionStore implements PermissionStore {

    static final String FILE_NAME = "gatehouse-permissions.json";

    private static final StoreFile.Codec<Map<Username, Permissions>> CODEC = new StoreFile.Codec<>() {
        @Override
        public Map<Username, Permissions> empty() {
            return Map.of();
        }

        @Override
        public Map<Username, Permissions> decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "it must be one JSON object of username to permissions");
            Map<Username, Permissions> records = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                records.put(username(entry.getKey()), permissions(entry.getKey(), entry.getValue()));
            }
            return Collections.unmodifiableMap(records);
        }

        @Override
        public byte[] encode(Map<Username, Permissions> records) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            records.forEach((username, permissions) -> {
                ObjectNode record = root.putObject(username.value());
                ObjectNode features = record.putObject("features");
                permissions.features().forEach(features::put);
                if (permissions.models().all()) {
                    record.put("models", "all");
                } else {
                    ArrayNode models = record.putArray("models");
                    permissions.models().patterns().forEach(models::add);
                }
            });
            return Json.pythonStyle(root);
        }
    };

    private static Username username(String name) {
        try {
            return Username.of(name);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has permissions for \"" + name + "\", a name Gatehouse cannot use: "
                    + e.getMessage());
        }
    }

    private static Permissions permissions(String name, JsonNode value) {
        String what = "the user \"" + name + "\"";
        Fields fields = new Fields(Fields.object(value, what), what);
        Map<String, Boolean> features = new LinkedHashMap<>();
        Optional<JsonNode> featureNode = fields.optional("features");
        if (featureNode.isPresent()) {
            if (!(featureNode.get() instanceof ObjectNode object)) {
                throw fields.wrong("features", featureNode.get(), "an object of feature name to true or false");
            }
            for (Map.Entry<String, JsonNode> feature : object.properties()) {
                if (!feature.getValue().isBoolean()) {
                    throw fields.wrong("features", object, "an object of feature name to true or false");
                }
                features.put(feature.getKey(), feature.getValue().booleanValue());
            }
        }
        Optional<JsonNode> modelNode = fields.optional("models");
        ModelAccess models = ModelAccess.everything();
        if (modelNode.isPresent() && !(modelNode.get().isTextual() && modelNode.get().textValue().equals("all"))) {
            models = ModelAccess.only(fields.textList("models"));
        }
        try {
            return new Permissions(features, models);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " with settings Gatehouse cannot use: " + e.getMessage());
        }
    }

    private final StoreFile<Map<Username, Permissions>> file;

    JsonPermissionStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, FILE_NAME, CODEC, true);
    }

    @Override
    public Optional<Permissions> find(Username username) {
        return Optional.ofNullable(file.read().get(username));
    }

    @Override
    public void put(Username username, Permissions permissions) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(permissions, "permissions");
        file.change(records -> {
            Map<Username, Permissions> next = new TreeMap<>(records);
            next.put(username, permissions);
            return Change.write(Collections.unmodifiableMap(next), null);
        });
    }

    @Override
    public boolean remove(Username username) {
        return file.change(records -> {
            if (!records.containsKey(username)) {
                return Change.keep(false);
            }
            Map<Username, Permissions> next = new TreeMap<>(records);
            next.remove(username);
            return Change.write(Collections.unmodifiableMap(next), true);
        });
    }

    @Override
    public Map<Username, Permissions> all() {
        return file.read();
    }
}

package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * llms.py's users.json: the JSON tree as read (so unknown fields survive a write) and the users it
 * holds, decoded once per version of the file. Immutable: a change makes a new document.
 */
final class UsersDocument {

    static final String FILE_NAME = "users.json";

    static final StoreFile.Codec<UsersDocument> CODEC = new StoreFile.Codec<>() {
        @Override
        public UsersDocument empty() {
            ObjectNode tree = Json.MAPPER.createObjectNode();
            return new UsersDocument(tree, Map.of());
        }

        @Override
        public UsersDocument decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "llms.py's users.json must be one JSON object keyed by username");
            return new UsersDocument(object, decodeAll(object));
        }

        @Override
        public byte[] encode(UsersDocument document) {
            return Json.pythonStyle(document.tree);
        }
    };

    private static final Comparator<User> OLDEST_FIRST =
            Comparator.comparing(User::createdAt).thenComparing(User::username);

    private final ObjectNode tree;
    private final Map<Username, User> users;
    // Sorted views, built on first use: a copy that inserts thousands of users one by one never needs them.
    private volatile List<User> oldestFirst;
    private volatile List<User> byName;

    private UsersDocument(ObjectNode tree, Map<Username, User> users) {
        this.tree = tree;
        this.users = Collections.unmodifiableMap(users);
    }

    /** Decodes every entry; one bad entry rejects the file, so nothing is silently skipped. */
    private static Map<Username, User> decodeAll(ObjectNode tree) {
        Map<Username, User> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            User user = UserEntries.read(entry.getKey(), entry.getValue());
            decoded.put(user.username(), user);
        }
        return decoded;
    }

    Optional<User> find(Username username) {
        return Optional.ofNullable(users.get(username));
    }

    List<User> oldestFirst() {
        List<User> sorted = oldestFirst;
        if (sorted == null) {
            sorted = users.values().stream().sorted(OLDEST_FIRST).toList();
            oldestFirst = sorted;
        }
        return sorted;
    }

    /** Every user in name order ({@link Username.compareTo (code points)}), for paging. */
    List<User> byName() {
        List<User> sorted = byName;
        if (sorted == null) {
            sorted = users.values().stream().sorted(Comparator.comparing(User::username)).toList();
            byName = sorted;
        }
        return sorted;
    }

    int count() {
        return users.size();
    }

    /** This document with {@code user} replacing the entry of that name, or appended as a new one. */
    UsersDocument with(User user) {
        ObjectNode copy = tree.deepCopy();
        String key = user.username().value();
        JsonNode existing = copy.get(key);
        ObjectNode entry = existing instanceof ObjectNode object ? object : copy.putObject(key);
        UserEntries.write(entry, users.get(user.username()), user);
        // Only this entry changed: decode just it (as read back, so the document is what a reader would see).
        Map<Username, User> next = new LinkedHashMap<>(users);
        next.put(user.username(), UserEntries.read(key, entry));
        return new UsersDocument(copy, next);
    }

    UsersDocument without(Username username) {
        ObjectNode copy = tree.deepCopy();
        copy.remove(username.value());
        Map<Username, User> next = new LinkedHashMap<>(users);
        next.remove(username);
        return new UsersDocument(copy, next);
    }
}

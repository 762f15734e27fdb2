package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore.Key;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@value #FILE_NAME}: one object per provider, holding one object per subject at that provider:
 * the account it signs in to ({@code username}), the provider's {@code login} and {@code email}
 * at the last sign-in, and {@code linkedAt} and {@code lastUsedAt} as ISO-8601 instants.
 *
 * <pre>
 * {"github": {"583231": {"username": "alice", "login": "octocat", "linkedAt": "2025-03-15T10:30:00.123Z"}}}
 * </pre>
 */
final class IdentitiesDocument {

    static final String FILE_NAME = "gatehouse-identities.json";

    /** (provider, subject), subjects compared as strings: the order pages walk. */
    static final Comparator<Key> ORDER = Comparator.comparing(Key::provider).thenComparing(Key::subject);

    static final StoreFile.Codec<IdentitiesDocument> CODEC = new StoreFile.Codec<>() {
        @Override
        public IdentitiesDocument empty() {
            return new IdentitiesDocument(new TreeMap<>(ORDER));
        }

        @Override
        public IdentitiesDocument decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root,
                    "it must be one JSON object of provider name to an object of subject to link");
            TreeMap<Key, IdentityLink> links = new TreeMap<>(ORDER);
            for (Map.Entry<String, JsonNode> provider : object.properties()) {
                ProviderName name = provider(provider.getKey());
                ObjectNode subjects = Fields.object(provider.getValue(), "the provider \"" + name + "\"");
                for (Map.Entry<String, JsonNode> subject : subjects.properties()) {
                    IdentityLink link = read(name, subject.getKey(), subject.getValue());
                    links.put(Key.of(link), link);
                }
            }
            return new IdentitiesDocument(links);
        }

        @Override
        public byte[] encode(IdentitiesDocument document) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            document.links.values().forEach(link -> {
                ObjectNode provider = root.has(link.provider().value())
                        ? (ObjectNode) root.get(link.provider().value()) : root.putObject(link.provider().value());
                provider.set(link.subject(), write(link));
            });
            return Json.pythonStyle(root);
        }
    };

    private final NavigableMap<Key, IdentityLink> links;

    private IdentitiesDocument(NavigableMap<Key, IdentityLink> links) {
        this.links = Collections.unmodifiableNavigableMap(links);
    }

    private static ProviderName provider(String name) {
        try {
            return ProviderName.of(name);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has links of a provider named \"" + name + "\" that Gatehouse cannot use: "
                    + e.getMessage() + " Rename that provider's object by hand, or remove it (its links then stop working)");
        }
    }

    private static IdentityLink read(ProviderName provider, String subject, JsonNode value) {
        String what = "the " + provider + " identity \"" + subject + "\"";
        Fields fields = new Fields(Fields.object(value, what), what);
        try {
            return new IdentityLink(provider, subject, Username.of(fields.text("username")), fields.text("login"),
                    fields.optionalText("email"), fields.isoInstant("linkedAt"), fields.optionalIsoInstant("lastUsedAt"));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Fix that entry by hand, or remove it (that identity then no longer signs in)");
        }
    }

    private static ObjectNode write(IdentityLink link) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("username", link.username().value());
        node.put("login", link.login());
        link.email().ifPresent(email -> node.put("email", email));
        node.put("linkedAt", link.linkedAt().toString());
        link.lastUsedAt().ifPresent(at -> node.put("lastUsedAt", at.toString()));
        return node;
    }

    IdentityLink find(Key key) {
        return links.get(key);
    }

    /** Every link in (provider, subject) order. */
    List<IdentityLink> all() {
        return List.copyOf(links.values());
    }

    /** A copy with {@code link} put in (new, or replacing the link of its pair). */
    IdentitiesDocument with(IdentityLink link) {
        TreeMap<Key, IdentityLink> copy = new TreeMap<>(links);
        copy.put(Key.of(link), link);
        return new IdentitiesDocument(copy);
    }

    /** A copy without the links of {@code keys}. */
    IdentitiesDocument without(List<Key> keys) {
        TreeMap<Key, IdentityLink> copy = new TreeMap<>(links);
        keys.forEach(copy::remove);
        return new IdentitiesDocument(copy);
    }
}

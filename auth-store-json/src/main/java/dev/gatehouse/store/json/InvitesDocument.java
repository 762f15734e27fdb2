package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * gatehouse-invites.json: one object keyed by invite id. Each entry holds the code's digest (never the code),
 * display prefix, creator, times, allowed and recorded uses, bound email and revocation.
 */
final class InvitesDocument {

    static final String FILE_NAME = "gatehouse-invites.json";

    static final StoreFile.Codec<InvitesDocument> CODEC = new StoreFile.Codec<>() {
        @Override
        public InvitesDocument empty() {
            return new InvitesDocument(new LinkedHashMap<>());
        }

        @Override
        public InvitesDocument decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "it must be one JSON object keyed by invite id");
            Map<InviteId, Invite> invites = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                Invite invite = read(entry.getKey(), entry.getValue());
                invites.put(invite.id(), invite);
            }
            return new InvitesDocument(invites);
        }

        @Override
        public byte[] encode(InvitesDocument document) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            document.invites.values().forEach(i -> root.set(i.id().value(), write(i)));
            return Json.pythonStyle(root);
        }
    };

    private final Map<InviteId, Invite> invites;

    private InvitesDocument(Map<InviteId, Invite> invites) {
        this.invites = invites;
    }

    private static Invite read(String id, JsonNode value) {
        String what = "the invite \"" + id + "\"";
        ObjectNode node = Fields.object(value, what);
        Fields fields = new Fields(node, what);
        try {
            List<Invite.Use> uses = new ArrayList<>();
            JsonNode array = node.get("uses");
            if (array != null && !array.isNull()) {
                if (!array.isArray()) {
                    throw fields.wrong("uses", array, "an array of {\"username\", \"at\"} objects");
                }
                for (JsonNode use : array) {
                    Fields used = new Fields(Fields.object(use, "a use of " + what), "a use of " + what);
                    uses.add(new Invite.Use(Username.of(used.text("username")), used.isoInstant("at")));
                }
            }
            JsonNode maxUses = node.get("maxUses");
            if (maxUses == null || !maxUses.isInt()) {
                throw fields.wrong("maxUses", maxUses, "a whole number of registrations");
            }
            return new Invite(new InviteId(id), fields.text("digest"), fields.text("displayPrefix"),
                    fields.text("createdBy"), fields.isoInstant("createdAt"), fields.isoInstant("expiresAt"),
                    maxUses.intValue(), uses, fields.optionalText("email"), fields.optionalIsoInstant("revokedAt"));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Fix that entry by hand, or remove it (that invite then stops working)");
        }
    }

    private static ObjectNode write(Invite invite) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("digest", invite.digest());
        node.put("displayPrefix", invite.displayPrefix());
        node.put("createdBy", invite.createdBy());
        node.put("createdAt", invite.createdAt().toString());
        node.put("expiresAt", invite.expiresAt().toString());
        node.put("maxUses", invite.maxUses());
        ArrayNode uses = node.putArray("uses");
        invite.uses().forEach(u -> uses.addObject().put("username", u.username().value()).put("at", u.at().toString()));
        invite.email().ifPresent(e -> node.put("email", e));
        invite.revokedAt().ifPresent(at -> node.put("revokedAt", at.toString()));
        return node;
    }

    Optional<Invite> find(InviteId id) {
        return Optional.ofNullable(invites.get(id));
    }

    Optional<Invite> findByDigest(String digest) {
        return invites.values().stream().filter(i -> i.digest().equals(digest)).findFirst();
    }

    Collection<Invite> all() {
        return invites.values();
    }

    /** A copy with {@code changed} put in (new or replacing the invite of the same id). */
    InvitesDocument with(Invite changed) {
        Map<InviteId, Invite> copy = new LinkedHashMap<>(invites);
        copy.put(changed.id(), changed);
        return new InvitesDocument(copy);
    }
}

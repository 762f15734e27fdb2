package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * gatehouse-sessions.json: one object keyed by session id. Kept apart from llms.py's
 * {@code sessions/} folder, whose files llms.py would try to load as its own.
 */
final class SessionsDocument {

    static final String FILE_NAME = "gatehouse-sessions.json";

    static final StoreFile.Codec<SessionsDocument> CODEC = new StoreFile.Codec<>() {
        @Override
        public SessionsDocument empty() {
            return new SessionsDocument(new LinkedHashMap<>());
        }

        @Override
        public SessionsDocument decode(byte[] bytes) {
            JsonNode root = Json.parse(bytes);
            if (root == null) {
                return empty();
            }
            ObjectNode object = Json.topObject(root, "it must be one JSON object keyed by session id");
            Map<SessionId, Session> sessions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                Session session = read(entry.getKey(), entry.getValue());
                sessions.put(session.id(), session);
            }
            return new SessionsDocument(sessions);
        }

        @Override
        public byte[] encode(SessionsDocument document) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            document.sessions.values().forEach(s -> root.set(s.id().value(), write(s)));
            return Json.pythonStyle(root);
        }
    };

    private final Map<SessionId, Session> sessions;
    private final Map<String, Session> byTokenDigest = new HashMap<>();
    /** Built on first use: most reads never page. */
    private volatile List<Session> byId;

    private SessionsDocument(Map<SessionId, Session> sessions) {
        this.sessions = sessions;
        sessions.values().forEach(s -> byTokenDigest.put(s.tokenDigest(), s));
    }

    private static Session read(String key, JsonNode value) {
        String what = "the session \"" + key + "\"";
        Fields fields = new Fields(Fields.object(value, what), what);
        try {
            return new Session(new SessionId(key), fields.text("tokenDigest"), Username.of(fields.text("username")),
                    fields.isoInstant("createdAt"), fields.isoInstant("lastSeenAt"), fields.isoInstant("expiresAt"),
                    fields.optionalText("clientIp").orElse(""), fields.optionalText("userAgent").orElse(""),
                    fields.optionalText("impersonator").map(Username::of));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Remove that entry (it only signs one browser out)");
        }
    }

    private static ObjectNode write(Session session) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("tokenDigest", session.tokenDigest());
        node.put("username", session.username().value());
        node.put("createdAt", session.createdAt().toString());
        node.put("lastSeenAt", session.lastSeenAt().toString());
        node.put("expiresAt", session.expiresAt().toString());
        node.put("clientIp", session.clientIp());
        node.put("userAgent", session.userAgent());
        session.impersonator().ifPresent(admin -> node.put("impersonator", admin.value()));
        return node;
    }

    Optional<Session> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    Optional<Session> findByTokenDigest(String tokenDigest) {
        return Optional.ofNullable(byTokenDigest.get(tokenDigest));
    }

    Collection<Session> all() {
        return sessions.values();
    }

    /** Every session in id order, for paging. */
    List<Session> byId() {
        List<Session> sorted = byId;
        if (sorted == null) {
            sorted = sessions.values().stream().sorted(Comparator.comparing(s -> s.id().value())).toList();
            byId = sorted;
        }
        return sorted;
    }

    SessionsDocument with(Session session) {
        Map<SessionId, Session> copy = new LinkedHashMap<>(sessions);
        copy.put(session.id(), session);
        return new SessionsDocument(copy);
    }

    SessionsDocument without(Predicate<Session> ended) {
        Map<SessionId, Session> copy = new LinkedHashMap<>(sessions);
        copy.values().removeIf(ended);
        return new SessionsDocument(copy);
    }
}

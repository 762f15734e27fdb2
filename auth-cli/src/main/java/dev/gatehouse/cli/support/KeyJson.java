package dev.gatehouse.cli.support;

import dev.gatehouse.core.model.apikeys.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * API keys as {@code token list --json} and {@code token create --json} print them, with the
 * field names of the HTTP API's tokens (docs/api.md) plus {@code status}:
 *
 * <pre>
 * id        string, the key's public id (for revoke and rename)
 * name      string
 * owner     string, the username
 * prefix    string, the first characters of the key ("" for short configured keys)
 * created   ISO-8601 instant
 * expires   ISO-8601 instant, only when the key expires
 * lastUsed  ISO-8601 instant, only once used
 * revoked   ISO-8601 instant, only when revoked
 * scopes    array of strings; empty means all of the owner's rights
 * legacy    boolean: imported or configured, never minted by Gatehouse
 * status    "Active", "Revoked", "Expired" or "Legacy"
 * </pre>
 */
public final class KeyJson {

    private KeyJson() {
    }

    public static String array(List<ApiKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return "[]";
        }
        return keys.stream().map(key -> "  " + object(key, now)).collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    public static String object(ApiKey key, Instant now) {
        StringBuilder json = new StringBuilder("{");
        field(json, "id", UserJson.string(key.id().value()));
        field(json, "name", UserJson.string(key.name()));
        field(json, "owner", UserJson.string(key.owner().value()));
        field(json, "prefix", UserJson.string(key.displayPrefix()));
        field(json, "created", UserJson.string(key.createdAt().toString()));
        key.expiresAt().ifPresent(at -> field(json, "expires", UserJson.string(at.toString())));
        key.lastUsedAt().ifPresent(at -> field(json, "lastUsed", UserJson.string(at.toString())));
        key.revokedAt().ifPresent(at -> field(json, "revoked", UserJson.string(at.toString())));
        field(json, "scopes", key.scopes().stream().map(UserJson::string).collect(Collectors.joining(", ", "[", "]")));
        field(json, "legacy", Boolean.toString(key.isLegacy()));
        field(json, "status", UserJson.string(key.status(now)));
        return json.append('}').toString();
    }

    public static void field(StringBuilder json, String name, String value) {
        if (json.charAt(json.length() - 1) != '{') {
            json.append(", ");
        }
        json.append('"').append(name).append("\": ").append(value);
    }
}

package dev.gatehouse.cli.store;

import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.core.service.migration.CopyStoresResult;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.http.wiring.StoreUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code store migrate} prints when done: one sentence for people, or with {@code --json}
 * one object for scripts:
 *
 * <pre>
 * from, to                              the store URLs (passwords masked)
 * users, avatars, sessions, apiKeys,    each {"copied": n, "alreadyPresent": n, "replaced": n}
 * auditEvents, keys, invites,
 * permissions, identityLinks
 * warnings                              array of strings, e.g. sessions not copied because of a key conflict
 * </pre>
 */
final class MigrationReport {

    private MigrationReport() {
    }

    /** E.g. {@code Copied 3 users (1 replaced), 5 sessions, 42 audit events, 1 key from json:/a to json:/b.} */
    static String sentence(CopyStoresResult result, StoreUrl from, StoreUrl to) {
        List<String> alreadyThere = new ArrayList<>();
        addIfAny(alreadyThere, result.users().alreadyPresent(), "user");
        addIfAny(alreadyThere, result.avatars().alreadyPresent(), "avatar");
        addIfAny(alreadyThere, result.sessions().alreadyPresent(), "session");
        addIfAny(alreadyThere, result.apiKeys().alreadyPresent(), "API key");
        addIfAny(alreadyThere, result.auditEvents().alreadyPresent(), "audit event");
        addIfAny(alreadyThere, result.keys().alreadyPresent(), "key");
        addIfAny(alreadyThere, result.invites().alreadyPresent(), "invite");
        addIfAny(alreadyThere, result.permissions().alreadyPresent(), "user permission record");
        addIfAny(alreadyThere, result.identityLinks().alreadyPresent(), "identity link");
        String there = "already there: " + String.join(", ", alreadyThere) + ".";
        if (result.nothingNew()) {
            return alreadyThere.isEmpty() ? "Nothing to copy: " + from + " is empty."
                    : "Nothing new to copy from " + from + " to " + to + "; " + there;
        }
        Counts users = result.users();
        return "Copied " + amount(users.changed(), "user")
                + (users.replaced() > 0 ? " (" + MigrationProgress.count(users.replaced()) + " replaced)" : "")
                + (result.avatars().changed() > 0 ? ", " + amount(result.avatars().changed(), "avatar") : "")
                + ", " + amount(result.sessions().changed(), "session")
                + (result.apiKeys().changed() > 0 ? ", " + amount(result.apiKeys().changed(), "API key") : "")
                + ", " + amount(result.auditEvents().changed(), "audit event")
                + ", " + amount(result.keys().changed(), "key")
                + (result.invites().changed() > 0 ? ", " + amount(result.invites().changed(), "invite") : "")
                + (result.permissions().changed() > 0 ? ", permissions of " + amount(result.permissions().changed(), "user")
                        : "")
                + (result.identityLinks().changed() > 0
                        ? ", " + amount(result.identityLinks().changed(), "identity link") : "")
                + " from " + from + " to " + to
                + (alreadyThere.isEmpty() ? "." : "; " + there);
    }

    /** The counts as one JSON object. */
    static String json(CopyStoresResult result, StoreUrl from, StoreUrl to) {
        return "{\n"
                + "  \"from\": " + UserJson.string(from.toString()) + ",\n"
                + "  \"to\": " + UserJson.string(to.toString()) + ",\n"
                + "  \"users\": " + counts(result.users()) + ",\n"
                + "  \"avatars\": " + counts(result.avatars()) + ",\n"
                + "  \"sessions\": " + counts(result.sessions()) + ",\n"
                + "  \"apiKeys\": " + counts(result.apiKeys()) + ",\n"
                + "  \"auditEvents\": " + counts(result.auditEvents()) + ",\n"
                + "  \"keys\": " + counts(result.keys()) + ",\n"
                + "  \"invites\": " + counts(result.invites()) + ",\n"
                + "  \"permissions\": " + counts(result.permissions()) + ",\n"
                + "  \"identityLinks\": " + counts(result.identityLinks()) + ",\n"
                + "  \"warnings\": " + result.warnings().stream().map(UserJson::string)
                        .collect(Collectors.joining(", ", "[", "]")) + "\n"
                + "}";
    }

    private static String counts(Counts counts) {
        return "{\"copied\": " + counts.copied() + ", \"alreadyPresent\": " + counts.alreadyPresent()
                + ", \"replaced\": " + counts.replaced() + "}";
    }

    private static void addIfAny(List<String> parts, long n, String noun) {
        if (n > 0) {
            parts.add(amount(n, noun));
        }
    }

    private static String amount(long n, String noun) {
        return MigrationProgress.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}

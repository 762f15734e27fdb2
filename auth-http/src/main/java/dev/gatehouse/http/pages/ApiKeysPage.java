package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.http.web.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API Keys: the keys the viewer may see (administrators: everyone's), newest first, and the form
 * to make one. {@code owners} are the names the owner picker offers (the viewer alone for
 * non-administrators); when there are more users than it holds ({@code ownersComplete} false),
 * the picker is a text field suggesting them.
 */
public record ApiKeysPage(Shell shell, String me, boolean admin, List<Row> tokens, List<String> owners,
                         boolean ownersComplete, List<Expiry> expiries) {

    /** How many accounts the owner picker reads; past that it becomes a text field, so the page stays small. */
    public static final int MAX_OWNERS = ListUsers.MAX_PAGE;
    /** The expiries the form offers besides the server's default. */
    static final List<String> CHOICES = List.of("30d", "90d", "1y", "never");

    public ApiKeysPage {
        tokens = List.copyOf(tokens);
        owners = List.copyOf(owners);
        expiries = List.copyOf(expiries);
    }

    static ApiKeysPage of(Shell shell, Caller caller, List<ApiKey> keys, List<String> owners, boolean ownersComplete,
                         Optional<Duration> defaultLifetime, Instant now) {
        String me = caller.user().username().value();
        return new ApiKeysPage(shell, me, caller.admin(), keys.stream().map(k -> Row.of(k, me, now)).toList(),
                owners, ownersComplete, expiries(defaultLifetime));
    }

    /** True when there is no key to show. */
    public boolean hasNoKeys() {
        return tokens.isEmpty();
    }

    /** 30d, 90d, 1y and never, with the server's default selected (and added if it is none of them). */
    static List<Expiry> expiries(Optional<Duration> defaultLifetime) {
        String byDefault = defaultLifetime.map(ApiKeysPage::label).orElse("never");
        List<Expiry> out = new ArrayList<>();
        for (String value : CHOICES) {
            out.add(new Expiry(value, describe(value), value.equals(byDefault)));
        }
        if (!CHOICES.contains(byDefault)) {
            out.add(0, new Expiry(byDefault, describe(byDefault), true));
        }
        return out;
    }

    private static String label(Duration lifetime) {
        long days = lifetime.toDays();
        return lifetime.equals(Duration.ofDays(days)) && days % 365 == 0 && days > 0 ? days / 365 + "y"
                : HumanDuration.format(lifetime);
    }

    private static String describe(String value) {
        return switch (value) {
            case "never" -> "Never";
            case "1y" -> "1 year";
            default -> value.endsWith("d") ? value.substring(0, value.length() - 1) + " days" : value;
        };
    }

    /** One choice of the expiry select. */
    public record Expiry(String value, String label, boolean selected) {
    }

    /**
     * One key as a table row; {@code expires} and {@code lastUsed} are null when there are none.
     * {@code renamable}: a stored key (configured ones change only with the configuration);
     * {@code revocable}: a stored key not revoked yet; {@code scopes} what narrows it, comma-separated
     * (empty: all of its owner's rights).
     */
    public record Row(String id, String name, String owner, String prefix, Moment created, Moment expires,
                      Moment lastUsed, String status, boolean renamable, boolean revocable, boolean mine,
                      String scopes) {

        static Row of(ApiKey key, String viewer, Instant now) {
            boolean configured = StaticKeys.isConfigured(key);
            return new Row(key.id().value(), key.name(), key.owner().value(),
                    key.displayPrefix().isEmpty() ? "" : key.displayPrefix() + "…",
                    Moment.of(key.createdAt(), now), key.expiresAt().map(at -> Moment.of(at, now)).orElse(null),
                    key.lastUsedAt().map(at -> Moment.of(at, now)).orElse(null), key.status(now),
                    !configured, !configured && !key.isRevoked(), key.owner().value().equals(viewer),
                    String.join(", ", key.scopes()));
        }


        /** The status as a CSS class suffix. */
        public String statusClass() {
            return status.toLowerCase(java.util.Locale.ROOT);
        }
    }
}

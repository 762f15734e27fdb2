package dev.gatehouse.core.model.audit;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One security-relevant thing that happened: who ({@code actor}) did what ({@code action}) to
 * whom ({@code target}), from where, and whether it worked; {@code impersonator} names the
 * administrator who was acting as the actor, if one was. Never holds a password, key or token.
 * The {@code id} is unique, so copying events between stores can be repeated without duplicates.
 */
public record AuditEvent(
        String id,
        Instant at,
        String action,
        String actor,
        Optional<Username> target,
        String clientIp,
        Outcome outcome,
        Map<String, String> details,
        Optional<String> impersonator) {

    /** Whether the attempt succeeded, was refused by a rule, or failed to authenticate. */
    public enum Outcome { SUCCESS, REFUSED, FAILURE }

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new IllegalArgumentException("Audit event id '" + id + "' must be 8 to 64 letters, digits, '-' or '_'.");
        }
        at = Times.truncate(Objects.requireNonNull(at, "at"));
        Objects.requireNonNull(action, "action");
        if (!action.matches("[a-z][a-z0-9_.]*")) {
            throw new IllegalArgumentException("Audit action '" + action + "' must be lower-case words joined by '.' or '_'.");
        }
        actor = actor == null || actor.isBlank() ? "anonymous" : actor;
        Objects.requireNonNull(target, "target");
        clientIp = clientIp == null ? "" : clientIp;
        Objects.requireNonNull(outcome, "outcome");
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
        impersonator = Objects.requireNonNull(impersonator, "impersonator").filter(name -> !name.isBlank());
    }

    /** An event nobody impersonated. */
    public AuditEvent(String id, Instant at, String action, String actor, Optional<Username> target, String clientIp,
                      Outcome outcome, Map<String, String> details) {
        this(id, at, action, actor, target, clientIp, outcome, details, Optional.empty());
    }

    /** A new event with a fresh id ({@link AuditIds}). */
    public AuditEvent(Instant at, String action, String actor, Optional<Username> target, String clientIp,
                      Outcome outcome, Map<String, String> details) {
        this(AuditIds.next(), at, action, actor, target, clientIp, outcome, details, Optional.empty());
    }

    /** True if {@code user} took part: as actor, as target, or as the administrator impersonating the actor. */
    public boolean involves(Username user) {
        return actor.equals(user.value()) || target.map(user::equals).orElse(false)
                || impersonator.map(user.value()::equals).orElse(false);
    }

    /**
     * The event as Gatehouse exports it (the API's JSON, JSON lines from the API and the CLI), in
     * this order: {@code id, at, action, actor, impersonator?, target?, ip, outcome, details}; text
     * values, {@code details} a sorted map.
     */
    public Map<String, Object> exportFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("at", at.toString());
        fields.put("action", action);
        fields.put("actor", actor);
        impersonator.ifPresent(admin -> fields.put("impersonator", admin));
        target.ifPresent(user -> fields.put("target", user.value()));
        fields.put("ip", clientIp);
        fields.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        fields.put("details", new TreeMap<>(details));
        return fields;
    }
}

package dev.gatehouse.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One security-relevant thing that happened: who ({@code actor}) did what ({@code action}) to
 * whom ({@code target}), from where, and whether it worked. Never holds a password, key or token.
 */
public record AuditEvent(
        Instant at,
        String action,
        String actor,
        Optional<Username> target,
        String clientIp,
        Outcome outcome,
        Map<String, String> details) {

    /** Whether the attempt succeeded, was refused by a rule, or failed to authenticate. */
    public enum Outcome { SUCCESS, REFUSED, FAILURE }

    public AuditEvent {
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
    }
}

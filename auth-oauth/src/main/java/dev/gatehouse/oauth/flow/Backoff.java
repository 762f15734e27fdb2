package dev.gatehouse.oauth.flow;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try something that failed again: after {@code first}, then twice as long each time up to
 * {@code max}, so a provider that is down is retried soon after start-up without being hammered.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;
    private Instant notBefore = Instant.MIN;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    public synchronized boolean due(Instant now) {
        return !now.isBefore(notBefore);
    }

    public synchronized void failed(Instant now) {
        notBefore = now.plus(next);
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
    }

    public synchronized void succeeded() {
        next = first;
        notBefore = Instant.MIN;
    }

    public synchronized Instant notBefore() {
        return notBefore;
    }
}

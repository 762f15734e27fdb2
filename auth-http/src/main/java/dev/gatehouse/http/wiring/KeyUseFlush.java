package dev.gatehouse.http.wiring;

import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;

/**
 * Writes when API keys were last used to the store every 30 seconds, and once more when the
 * server stops. Requests only note a use in memory ({@link LastUsedRecorder}). Made at start
 * ({@code @Context}), so it is there to write at shutdown even when the server stops before its
 * first turn; it is built after the store, so it is stopped before the store closes.
 */
@Context
public class KeyUseFlush {

    static final String EVERY = "30s";
    private static final System.Logger LOG = System.getLogger(KeyUseFlush.class.getName());

    private final LastUsedRecorder lastUsed;

    KeyUseFlush(LastUsedRecorder lastUsed) {
        this.lastUsed = lastUsed;
    }

    @Scheduled(fixedDelay = EVERY, initialDelay = EVERY)
    void flush() {
        flushOnce();
    }

    /** One write; a failing store is logged and the uses are kept for the next one. */
    int flushOnce() {
        try {
            return lastUsed.flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Recording when " + lastUsed.pending() + " API keys were last used"
                    + " failed; trying again in " + EVERY + ": " + e.getMessage());
            return 0;
        }
    }

    /** Writes what is left, before the store closes. */
    @PreDestroy
    void stop() {
        flushOnce();
    }
}

package dev.gatehouse.http.wiring;

import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Writes when API keys were last used to the store every 30 seconds, on one daemon thread the
 * server starts, and once more when the server stops. Requests only note a use in memory
 * ({@link LastUsedRecorder}). Not a scheduled bean: the JDBC store's private context sees this
 * module's beans and must not run it.
 */
@Singleton
public class KeyUseFlush {

    static final long EVERY_SECONDS = 30;
    private static final System.Logger LOG = System.getLogger(KeyUseFlush.class.getName());

    private final LastUsedRecorder lastUsed;
    private final BackgroundTimer timer = new BackgroundTimer("gatehouse-key-use-flush");

    KeyUseFlush(LastUsedRecorder lastUsed) {
        this.lastUsed = lastUsed;
    }

    public void start() {
        timer.start(this::flushOnce, EVERY_SECONDS, EVERY_SECONDS);
    }

    /** One write; a failing store is logged and the uses are kept for the next one. */
    int flushOnce() {
        try {
            return lastUsed.flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Recording when " + lastUsed.pending() + " API keys were last used"
                    + " failed; trying again in " + EVERY_SECONDS + " seconds: " + e.getMessage());
            return 0;
        }
    }

    /** Stops the timer and writes what is left, before the store closes. */
    @PreDestroy
    void stop() {
        timer.stop();
        flushOnce();
    }
}

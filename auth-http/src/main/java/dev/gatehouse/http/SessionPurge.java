package dev.gatehouse.http;

import dev.gatehouse.core.port.in.ManageSessions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes expired sessions from the store every ten minutes, on one daemon thread the server
 * starts. Not a scheduled bean: the JDBC store's private context sees this module's beans and
 * must not run it.
 */
@Singleton
class SessionPurge {

    static final long EVERY_MINUTES = 10;
    private static final System.Logger LOG = System.getLogger(SessionPurge.class.getName());

    private final ManageSessions sessions;
    private ScheduledExecutorService timer;

    SessionPurge(ManageSessions sessions) {
        this.sessions = sessions;
    }

    synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "gatehouse-session-purge");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::purgeOnce, 60, EVERY_MINUTES * 60, TimeUnit.SECONDS);
        }
    }

    /** One pass; a failing store is logged and tried again next time. */
    int purgeOnce() {
        try {
            int removed = sessions.purgeExpired();
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "Removed " + removed + " expired sessions.");
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Removing expired sessions failed; trying again in "
                    + EVERY_MINUTES + " minutes: " + e.getMessage());
            return 0;
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}

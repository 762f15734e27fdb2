package dev.gatehouse.http.wiring;

import dev.gatehouse.core.port.in.ManageSessions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Removes expired sessions from the store every ten minutes, on one daemon thread the server
 * starts. Not a scheduled bean: the JDBC store's private context sees this module's beans and
 * must not run it.
 */
@Singleton
public class SessionPurge {

    static final long EVERY_MINUTES = 10;
    private static final System.Logger LOG = System.getLogger(SessionPurge.class.getName());

    private final ManageSessions sessions;
    private final BackgroundTimer timer = new BackgroundTimer("gatehouse-session-purge");

    SessionPurge(ManageSessions sessions) {
        this.sessions = sessions;
    }

    public void start() {
        timer.start(this::purgeOnce, 60, EVERY_MINUTES * 60);
    }

    /** One pass; a failing store is logged and tried again next time. */
    public int purgeOnce() {
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
    void stop() {
        timer.stop();
    }
}

package dev.gatehouse.http.wiring;

import dev.gatehouse.core.port.in.ManageSessions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes expired sessions from the store every ten minutes, the first time a minute after start. */
@Singleton
public class SessionPurge {

    static final String EVERY = "10m";
    private static final System.Logger LOG = System.getLogger(SessionPurge.class.getName());

    private final ManageSessions sessions;

    SessionPurge(ManageSessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = EVERY, initialDelay = "1m")
    void purge() {
        purgeOnce();
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
            LOG.log(System.Logger.Level.WARNING, "Removing expired sessions failed; trying again in " + EVERY + ": "
                    + e.getMessage());
            return 0;
        }
    }
}

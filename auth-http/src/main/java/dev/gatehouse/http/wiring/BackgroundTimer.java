package dev.gatehouse.http.wiring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread running a task at a fixed delay, started by the server and stopped with
 * it. Plain Java on purpose: the JDBC store's private Micronaut context sees this module's beans,
 * so a scheduled bean would run there too.
 */
final class BackgroundTimer {

    private final String name;
    private ScheduledExecutorService timer;

    BackgroundTimer(String name) {
        this.name = name;
    }

    /** Runs {@code task} first after {@code firstDelay}, then every {@code every} seconds; starting twice does nothing. */
    synchronized void start(Runnable task, long firstDelay, long every) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(task, firstDelay, every, TimeUnit.SECONDS);
        }
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}

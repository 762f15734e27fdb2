package dev.gatehouse.cli.store;

import dev.gatehouse.core.service.migration.CopyStores;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far {@code store migrate} is on standard error. On a terminal, one bar per phase,
 * redrawn in place ({@code users    [#########-----------]  45% 4,500/10,000}) and left standing
 * when the phase is done; elsewhere (a log file, a pipe) a plain line every so often, so a long
 * run is seen to be alive without filling the log.
 */
final class MigrationProgress implements CopyStores.Progress {

    private static final int BAR_WIDTH = 20;
    static final long PLAIN_LINE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private int drawn; // characters of an unfinished bar on the current line; 0 if none
    private long lastPlainLine;

    MigrationProgress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.lastPlainLine = nanoTime.getAsLong();
    }

    /** Progress on {@code err}, drawn as bars if it is a terminal. */
    static MigrationProgress on(PrintWriter err, boolean terminal) {
        return new MigrationProgress(err, terminal, System::nanoTime);
    }

    @Override
    public void update(String phase, long done, long total) {
        boolean complete = total >= 0 && done >= total;
        if (terminal) {
            draw(complete && done == 0 ? "" : line(phase, done, total), complete);
        } else if (!complete && done > 0 && nanoTime.getAsLong() - lastPlainLine >= PLAIN_LINE_EVERY_NANOS) {
            lastPlainLine = nanoTime.getAsLong();
            err.println("gatehouse: copying " + phase + ": " + count(done)
                    + (total >= 0 ? " of " + count(total) + " (" + percent(done, total) + "%)" : " so far"));
            err.flush();
        }
    }

    /** Ends an unfinished bar's line, so what is printed next starts on a line of its own. */
    void endLine() {
        if (drawn > 0) {
            err.println();
            err.flush();
            drawn = 0;
        }
    }

    /** Replaces the current line with {@code text}; a finished phase keeps its line, an empty one leaves none. */
    private void draw(String text, boolean complete) {
        err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        if (complete && !text.isEmpty()) {
            err.println();
            drawn = 0;
        } else if (text.isEmpty()) {
            err.print("\r");
            drawn = 0;
        } else {
            drawn = text.length();
        }
        err.flush();
    }

    /** One bar, e.g. {@code users    [#########-----------]  45% 4,500/10,000}, or a count when the total is unknown. */
    static String line(String phase, long done, long total) {
        String label = String.format(Locale.ROOT, "%-8s ", phase);
        if (total < 0) {
            return label + count(done) + " ...";
        }
        int percent = percent(done, total);
        int filled = (int) (total == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, done * BAR_WIDTH / total));
        return label + "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% ", percent) + count(done) + "/" + count(total);
    }

    private static int percent(long done, long total) {
        return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }

    /** 4500 as "4,500", the same in every locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

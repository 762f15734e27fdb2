package dev.gatehouse.cli.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends core's and crypto's {@link System.Logger} output (java.util.logging by default) to
 * stderr as one short line per message, warnings and worse only; {@code --verbose} adds
 * Gatehouse's own debug lines and stack traces.
 */
public final class CliLogging {

    /** Held so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static Logger gatehouse;
    private static volatile boolean verbose;

    private CliLogging() {
    }

    /** Replaces java.util.logging's default set-up (two-line records with timestamps). */
    public static void install() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        Handler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(new OneLine());
        root.addHandler(handler);
        gatehouse = Logger.getLogger("dev.gatehouse");
    }

    /** Turns Gatehouse's debug output on or off; does nothing unless {@link #install()} ran. */
    public static void verbose(boolean on) {
        verbose = on;
        if (gatehouse != null) {
            gatehouse.setLevel(on ? Level.FINE : null);
        }
    }

    /** {@code gatehouse: warning: message}, with the cause's stack trace only when verbose. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("gatehouse: ").append(label(record.getLevel())).append(": ")
                    .append(formatMessage(record).replace('\n', ' '));
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                line.append(" (").append(thrown).append(')');
            }
            line.append(System.lineSeparator());
            if (thrown != null && verbose) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String label(Level level) {
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                return "error";
            }
            if (value >= Level.WARNING.intValue()) {
                return "warning";
            }
            return value >= Level.INFO.intValue() ? "info" : "debug";
        }
    }
}

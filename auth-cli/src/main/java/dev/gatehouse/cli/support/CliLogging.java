package dev.gatehouse.cli.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends core's and crypto's {@link System.Logger} output (java.util.logging by default) to
 * stderr as one short line per message, warnings and worse only; {@code --verbose} adds
 * Gatehouse's own debug lines and stack traces. The libraries' SLF4J lines (Micronaut, HikariCP,
 * Flyway: Logback) are off, as a command speaks for itself; {@code --verbose} shows them from info
 * up. {@code gatehouse serve} replaces all of this with the server's logging.
 */
public final class CliLogging {

    /** Held so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static Logger gatehouse;
    private static volatile boolean verbose;

    private CliLogging() {
    }

    /** Replaces java.util.logging's default set-up (two-line records with timestamps). */
    public static void install() {
        libraries(false); // first: Logback's own start-up hands java.util.logging to SLF4J, which is undone below
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
            libraries(on);
        }
    }

    /** Logback: nothing, or (verbose) info and up on stderr, one line each. */
    private static void libraries(boolean on) {
        if (System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(on ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.OFF);
        if (!on) {
            return;
        }
        context.getLogger("dev.gatehouse").setLevel(ch.qos.logback.classic.Level.DEBUG);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("gatehouse: %level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        root.addAppender(console);
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

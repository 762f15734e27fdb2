package dev.gatehouse.http.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.gatehouse.http.config.LogSettings;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets Logback up in code from {@link LogSettings}, so what the server logs follows its options
 * and environment rather than a file on the class path: one line an event on stderr (stdout is the
 * terminal banner's), readable or JSON, the access log on or off, and core's and crypto's
 * {@link System.Logger} lines (java.util.logging) handed to the same place. An operator who wants
 * Logback's full configuration names a file with {@code -Dlogback.configurationFile}; then this
 * leaves Logback alone.
 */
public final class ServerLogging {

    /** The readable line: UTC time, level, the logger's last name, the message, the request id when there is one. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level %logger{0} - "
            + "%replace(%msg){'[\\r\\n]+', ' '}" // one event, one line: a message cannot forge the next line
            + "%replace( [%" + RequestIdConverter.WORD + "]){' \\[\\]', ''}%n";

    /**
     * Lines nobody can act on, quieter unless named: HikariCP warns at every start that the SQLite
     * driver, which the JDBC store registers itself, was made directly.
     */
    private static final Map<String, Level> NOISE = Map.of("com.zaxxer.hikari.util.DriverDataSource", Level.ERROR);

    /**
     * Loggers that write secrets when more verbose than the level given, held there unless named
     * themselves, so {@code debug} or {@code trace} for everything cannot put a secret in the log:
     * Micronaut writes a request's whole URI, query included, at debug; the PostgreSQL driver its
     * JDBC URL, a {@code password=} parameter included, at debug; Micronaut's configuration every
     * property's value, the store's password included, at trace.
     */
    static final Map<String, Level> SECRETS_BELOW = Map.of(
            "io.micronaut.context.event.ApplicationEventPublisher", Level.INFO,
            "io.micronaut.http.server.netty.NettyRequestLifecycle", Level.INFO,
            "io.micronaut.http.server.netty.RoutingInBoundHandler", Level.INFO,
            "org.postgresql.Driver", Level.INFO,
            "io.micronaut.context.env", Level.DEBUG,
            "io.micronaut.inject", Level.DEBUG);

    private ServerLogging() {
    }

    /** Replaces Logback's set-up with the one {@code settings} say (nothing when a configuration file is named). */
    public static void configure(LogSettings settings) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding was put on the class path on purpose: it is configured its own way
        }
        apply(context, settings);
    }

    /** The set-up itself, on a given context (also how Logback's own start-up gets the defaults). */
    static void apply(LoggerContext context, LogSettings settings) {
        apply(context, settings, System.err);
    }

    /** The set-up writing to {@code out} instead of stderr. */
    static void apply(LoggerContext context, LogSettings settings, java.io.OutputStream out) {
        context.reset();
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true); // java.util.logging then passes on exactly what Logback would write
        context.addListener(propagator);
        propagator.start();

        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setEncoder(encoder(context, settings.format())); // before the stream: setting it writes the header
        console.setOutputStream(new KeptOpen(out)); // a later reset stops the appender, which closes its stream
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        // The access log is off unless asked for, whatever level its parents have; naming it sets it too.
        context.getLogger(LogSettings.ACCESS_LOGGER).setLevel(settings.accessLog() ? Level.INFO : Level.OFF);
        NOISE.forEach((name, level) -> context.getLogger(name).setLevel(level));
        for (Map.Entry<String, String> entry : settings.levels().entrySet()) {
            Level level = Level.toLevel(entry.getValue(), Level.INFO);
            (entry.getKey().isEmpty() ? root : context.getLogger(entry.getKey())).setLevel(level);
        }
        SECRETS_BELOW.forEach((name, floor) -> {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (!settings.levels().containsKey(name) && !logger.getEffectiveLevel().isGreaterOrEqual(floor)) {
                logger.setLevel(floor);
            }
        });
        bridgeJavaUtilLogging();
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings.Format format) {
        if (format == LogSettings.Format.JSON) {
            JsonLines json = new JsonLines();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        registerRequestId(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    /** Lets patterns say {@code %requestId}, as Logback's {@code <conversionRule>} would. */
    @SuppressWarnings("unchecked")
    private static void registerRequestId(LoggerContext context) {
        Object rules = context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        Map<String, String> registry = rules instanceof Map<?, ?> map ? (Map<String, String>) map : new java.util.HashMap<>();
        registry.put(RequestIdConverter.WORD, RequestIdConverter.class.getName());
        context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, registry);
    }

    private static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Passes everything on but never closes what it wraps: stopping the appender must not close stderr for good. */
    private static final class KeptOpen extends java.io.FilterOutputStream {

        KeptOpen(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws java.io.IOException {
            out.flush();
        }
    }
}

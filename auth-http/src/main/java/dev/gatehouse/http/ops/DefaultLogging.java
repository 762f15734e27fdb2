package dev.gatehouse.http.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.gatehouse.http.config.LogSettings;

/**
 * Logback's set-up when it starts, before the server or the CLI sets its own: what the
 * environment says ({@link LogSettings#fromEnvironment}), instead of Logback's default of every
 * debug line on stdout. A {@code -Dlogback.configurationFile}, or a {@code logback.xml} (or
 * {@code logback-test.xml}) on the class path,
 * still wins: this then hands over to it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = DefaultLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogSettings settings;
        try {
            settings = LogSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException wrong) {
            settings = LogSettings.defaults(); // the server's own start says what is wrong with the setting
        }
        ServerLogging.apply(context, settings);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

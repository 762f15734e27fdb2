package dev.gatehouse.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.http.config.LogSettings;
import dev.gatehouse.http.web.RequestIds;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The two line formats, written by a Logback set up as the server sets it up. */
class ServerLoggingTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Logger logger(String levels, String format) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // a context of its own, but the MDC the code writes to
        ServerLogging.apply(context, LogSettings.parse(levels, format, null), out);
        context.start();
        return context.getLogger("dev.gatehouse.http.Example");
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aTextLineIsTimeLevelShortNameMessageAndTheRequestIdWhenThereIsOne() {
        Logger log = logger("info", "text");
        log.info("no request");
        try (var id = MDC.putCloseable(RequestIds.MDC_KEY, "0123456789abcdef")) {
            log.warn("for a request");
        }

        List<String> lines = lines();
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  Example - no request"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" WARN  Example - for a request [0123456789abcdef]"), lines.get(1));
    }

    @Test
    void aMessageCannotForgeASecondLine() throws Exception {
        logger("info", "text").info("GET /x\n2026-01-01T00:00:00.000Z ERROR Fake - forged\r\nmore");
        assertEquals(1, lines().size(), lines()::toString);

        out.reset();
        logger("info", "json").atInfo().addKeyValue("status", 401).log("a \"quoted\"\nline\u001b[31m");
        assertEquals(1, lines().size(), lines()::toString);
        JsonNode line = new ObjectMapper().readTree(lines().get(0));
        assertEquals("a \"quoted\"\nline\u001b[31m", line.get("message").asText());
        assertEquals(401, line.get("status").asInt());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("dev.gatehouse.http.Example", line.get("logger").asText());
    }

    @Test
    void levelsApplyPerLoggerAndTheAccessLogIsOffUnlessAsked() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // a context of its own, but the MDC the code writes to
        ServerLogging.apply(context, LogSettings.parse("warn,dev.gatehouse=debug", null, null), out);

        assertTrue(context.getLogger("dev.gatehouse.core.X").isDebugEnabled());
        assertTrue(!context.getLogger("com.zaxxer.hikari.HikariPool").isInfoEnabled());
        assertTrue(!context.getLogger(LogSettings.ACCESS_LOGGER).isInfoEnabled());
        ServerLogging.apply(context, LogSettings.parse("trace", null, "true"), out);
        assertTrue(context.getLogger(LogSettings.ACCESS_LOGGER).isInfoEnabled());
        assertTrue(!context.getLogger("io.micronaut.http.server.netty.RoutingInBoundHandler").isDebugEnabled());
        assertTrue(!context.getLogger("io.micronaut.context.env.DefaultEnvironment").isTraceEnabled());
        ServerLogging.apply(context, LogSettings.parse("trace,io.micronaut.http.server.netty.RoutingInBoundHandler=debug", null, null), out);
        assertTrue(context.getLogger("io.micronaut.http.server.netty.RoutingInBoundHandler").isDebugEnabled());
    }
}

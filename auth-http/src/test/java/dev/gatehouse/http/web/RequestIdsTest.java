package dev.gatehouse.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every answer names its request ({@code X-Request-Id}), JSON errors repeat it as
 * {@code request_id}, and the log line of a failure carries the same id; only a trusted proxy
 * may choose the id, and only a plain one.
 */
class RequestIdsTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void everyAnswerHasItsOwnIdAndAJsonErrorRepeatsIt() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", PASSWORD);
            HttpResponse<String> first = app.send(app.get("/api/me").build());
            HttpResponse<String> second = app.send(app.get("/healthz").build());

            RunningServer.assertError(401, "unauthenticated", first);
            String id = first.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            assertEquals(id, RunningServer.json(first).path("request_id").asText(), first.body());
            assertNotEquals(id, second.headers().firstValue(RequestIds.HEADER).orElseThrow());
        }
    }

    @Test
    void aClientCannotChooseItsRequestId() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", PASSWORD);
            HttpResponse<String> answer = app.send(app.get("/api/me").header(RequestIds.HEADER, "chosen-by-client").build());

            String id = answer.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertNotEquals("chosen-by-client", id);
            assertEquals(id, RunningServer.json(answer).path("request_id").asText());
        }
    }

    @Test
    void aTrustedProxysPlainIdIsKeptAndAnythingElseReplaced() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", PASSWORD);
            HttpResponse<String> plain = app.send(app.get("/api/me")
                    .header(RequestIds.HEADER, "edge-7f3a.01_b").build());
            assertEquals("edge-7f3a.01_b", plain.headers().firstValue(RequestIds.HEADER).orElseThrow());
            assertEquals("edge-7f3a.01_b", RunningServer.json(plain).path("request_id").asText());

            for (String hostile : List.of("x".repeat(65), "two words", "<script>", "id\u00e9", "a,b")) {
                HttpResponse<String> answer = app.send(app.get("/api/me").header(RequestIds.HEADER, hostile).build());
                String id = answer.headers().firstValue(RequestIds.HEADER).orElseThrow();
                assertTrue(id.matches("[0-9a-f]{16}"), () -> hostile + " became " + id);
            }
        }
    }

    @Test
    void aFailureIsLoggedAtErrorWithTheIdAndItsTraceWhileTheAnswerShowsOnlyTheId() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext(root.getLoggerContext());
        log.start();
        root.addAppender(log);
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", PASSWORD);
            String cookie = app.signIn("alice", PASSWORD);
            app.server.getApplicationContext().getBean(Stores.class).close();

            HttpResponse<String> answer = app.send(app.get("/api/me").header("Cookie", cookie).build());

            RunningServer.assertError(503, "store_unavailable", answer);
            String id = answer.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertEquals(id, RunningServer.json(answer).path("request_id").asText());
            assertFalse(answer.body().contains("Exception") || answer.body().contains("sqlite"), answer.body());
            ILoggingEvent failure = log.list.stream()
                    .filter(e -> e.getLevel() == Level.ERROR && id.equals(e.getMDCPropertyMap().get(RequestIds.MDC_KEY)))
                    .findFirst().orElseThrow(() -> new AssertionError("no ERROR line with request id " + id + ": " + log.list));
            assertTrue(failure.getFormattedMessage().contains("GET /api/me"), failure.getFormattedMessage());
            assertNotNull(failure.getThrowableProxy(), "the stack trace goes to the log");
        } finally {
            root.detachAppender(log);
        }
    }
}

package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every audit line carries its event's id; lines from before ids existed get a stable one. */
class AuditLineIdsTest {

    /** Two lines as Gatehouse wrote them before audit events had ids. */
    private static final String LEGACY_LINES = """
            {"at":"2025-03-15T10:30:00.123Z","action":"user.create","actor":"operator","target":"alice","clientIp":"","outcome":"success","details":{}}
            {"at":"2025-03-15T10:31:00Z","action":"user.lock","actor":"operator","target":"alice","clientIp":"","outcome":"success","details":{"reason":"x"}}
            """;

    @TempDir
    Path directory;

    private AuditLog log() {
        return JsonStores.open(directory).audit();
    }

    @Test
    void eachLineCarriesTheEventsIdFirst() throws IOException {
        AuditEvent event = new AuditEvent("event-0001", Samples.T0, "user.create", "operator",
                Optional.of(Username.of("alice")), "", AuditEvent.Outcome.SUCCESS, Map.of());
        log().append(event);
        String line = Files.readAllLines(directory.resolve(JsonAuditLog.FILE_NAME), StandardCharsets.UTF_8).get(0);
        JsonNode node = Json.MAPPER.readTree(line);
        assertEquals("id", node.fieldNames().next());
        assertEquals("event-0001", node.get("id").textValue());
        assertEquals(List.of(event), log().page(Optional.empty(), 10));
    }

    @Test
    void linesWithoutAnIdReadWithOneDerivedFromTheLineThatStaysTheSame() throws IOException {
        Files.writeString(directory.resolve(JsonAuditLog.FILE_NAME), LEGACY_LINES);
        List<AuditEvent> first = log().page(Optional.empty(), 10);
        List<AuditEvent> again = log().page(Optional.empty(), 10);
        assertEquals(2, first.size());
        assertEquals(first, again);
        first.forEach(e -> assertTrue(e.id().matches("line-[A-Za-z0-9_-]{16}"), e.id()));
        assertNotEquals(first.get(0).id(), first.get(1).id());
    }

    @Test
    void appendingAnEventReadFromAnOldLineAgainChangesNothing() throws IOException {
        Path file = directory.resolve(JsonAuditLog.FILE_NAME);
        Files.writeString(file, LEGACY_LINES);
        AuditLog log = log();
        log.page(Optional.empty(), 10).forEach(log::append);
        log().page(Optional.empty(), 10).forEach(log()::append);
        assertEquals(LEGACY_LINES, Files.readString(file));
    }

    @Test
    void pagesOfAnOldAndNewLogWalkEveryEventOnceInTimeOrder() throws IOException {
        Files.writeString(directory.resolve(JsonAuditLog.FILE_NAME), LEGACY_LINES);
        AuditLog log = log();
        log.append(new AuditEvent("event-0000", Samples.T0.minusSeconds(60), "auth.sign_in", "alice",
                Optional.of(Username.of("alice")), "", AuditEvent.Outcome.SUCCESS, Map.of()));
        List<AuditEvent> first = log.page(Optional.empty(), 2);
        List<AuditEvent> rest = log.page(Optional.of(first.get(1)), 2);
        assertEquals(List.of("auth.sign_in", "user.create", "user.lock"),
                java.util.stream.Stream.concat(first.stream(), rest.stream()).map(AuditEvent::action).toList());
        assertEquals(List.of(), log.page(Optional.of(rest.get(0)), 2));
    }

    @Test
    void aLineWrittenByHandWithItsOwnSpacingKeepsItsIdForAppends() throws IOException {
        Path file = directory.resolve(JsonAuditLog.FILE_NAME);
        String byHand = "{ \"at\": \"2025-03-15T10:30:00Z\", \"id\": \"by-hand-01\", \"action\": \"user.create\","
                + " \"actor\": \"operator\", \"outcome\": \"success\" }\n";
        Files.writeString(file, byHand);
        AuditEvent read = log().page(Optional.empty(), 1).get(0);
        assertEquals("by-hand-01", read.id());
        log().append(read);
        assertEquals(byHand, Files.readString(file));
    }
}

package dev.gatehouse.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.service.migration.CopyStoresResult;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.http.wiring.StoreUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code store migrate} says about each kind of record, invites included. */
class MigrationReportTest {

    private static final StoreUrl FROM = StoreUrl.parse("json:/a", "/home/tester");
    private static final StoreUrl TO = StoreUrl.parse("json:/b", "/home/tester");

    private static CopyStoresResult result(Counts invites) {
        return new CopyStoresResult(new Counts(2, 0, 0), Counts.NONE, Counts.NONE, Counts.NONE, new Counts(4, 0, 0),
                new Counts(1, 0, 0), Counts.NONE, invites, Counts.NONE, List.of());
    }

    @Test
    void copiedInvitesAreCountedLikeTheOtherKinds() {
        assertEquals("Copied 2 users, 0 sessions, 4 audit events, 1 key, 3 invites from json:/a to json:/b; already"
                + " there: 1 invite.", MigrationReport.sentence(result(new Counts(2, 1, 1)), FROM, TO));
        assertEquals("Copied 2 users, 0 sessions, 4 audit events, 1 key from json:/a to json:/b.",
                MigrationReport.sentence(result(Counts.NONE), FROM, TO));
    }

    @Test
    void invitesAlreadyThereAreNamedWhenNothingIsNew() {
        CopyStoresResult repeat = new CopyStoresResult(new Counts(0, 2, 0), Counts.NONE, Counts.NONE, Counts.NONE,
                Counts.NONE, Counts.NONE, Counts.NONE, new Counts(0, 3, 0), Counts.NONE, List.of());
        assertEquals("Nothing new to copy from json:/a to json:/b; already there: 2 users, 3 invites.",
                MigrationReport.sentence(repeat, FROM, TO));
    }

    @Test
    void theJsonHasAnInvitesCountLikeTheOtherKinds() throws Exception {
        JsonNode json = new ObjectMapper().readTree(MigrationReport.json(result(new Counts(2, 1, 1)), FROM, TO));
        assertEquals(2, json.path("invites").path("copied").intValue(), json.toString());
        assertEquals(1, json.path("invites").path("alreadyPresent").intValue());
        assertEquals(1, json.path("invites").path("replaced").intValue());
        assertTrue(json.path("apiKeys").isObject() && json.path("avatars").isObject(), json.toString());
    }
}

package dev.gatehouse.core.service.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.Authorize.Allowed;
import dev.gatehouse.core.port.in.Authorize.Decision;
import dev.gatehouse.core.port.in.Authorize.Denied;
import dev.gatehouse.core.port.in.Authorize.Query;
import dev.gatehouse.core.port.in.Authorize.What;
import dev.gatehouse.core.testing.CountingPermissionStore;
import dev.gatehouse.core.testing.InMemoryPermissionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's settings are kept while the store's change count says nothing changed, and never used
 * after a change, whichever handle (this process or another) made it, nor after a failed read.
 */
class PermissionCheckReuseTest {

    private static final Username ALICE = Username.of("alice");
    private static final Permissions CHAT_LLAMA = new Permissions(Map.of("chat", true),
            ModelAccess.only(List.of("llama-*")));

    private final InMemoryPermissionStore place = new InMemoryPermissionStore();
    private final AtomicLong count = new AtomicLong();
    private final CountingPermissionStore server = new CountingPermissionStore(place, count);
    private final CountingPermissionStore cli = new CountingPermissionStore(place, count);
    private final AuthorizeService authorize = new AuthorizeService(server, FeatureCatalog.localAi());
    private final User alice = User.create(ALICE, "unused", Set.of(Role.USER), Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void aliceMayChatWithLlamas() {
        server.put(ALICE, CHAT_LLAMA);
    }

    private Query asks(String model) {
        return new Query(alice, Set.of(), Optional.of("chat"), Optional.of(model));
    }

    private Decision ask(String model) {
        return authorize.authorize(asks(model));
    }

    @Test
    void whileNothingChangesTheSettingsAreReadOnce() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Allowed.class, ask("llama-3"));
            assertInstanceOf(Denied.class, ask("gpt-4o"));
        }
        assertEquals(1, server.finds.get());
        assertInstanceOf(Allowed.class, authorize.fromMemory(asks("llama-3")).orElseThrow());
        assertEquals(1, server.finds.get(), "from memory reads nothing");
    }

    @Test
    void aChangeInThisProcessAppliesToTheNextCheck() {
        assertInstanceOf(Allowed.class, ask("llama-3"));
        server.put(ALICE, CHAT_LLAMA.withModels(ModelAccess.only(List.of("gpt-*"))));
        assertTrue(authorize.fromMemory(asks("llama-3")).isEmpty(), "kept settings are out of date: read again");
        assertEquals(What.MODEL, assertInstanceOf(Denied.class, ask("llama-3")).refused());
        assertInstanceOf(Allowed.class, ask("gpt-4o"));
    }

    @Test
    void aChangeThroughAnotherHandleAppliesToTheNextCheck() {
        assertInstanceOf(Allowed.class, ask("llama-3"));
        cli.put(ALICE, CHAT_LLAMA.withFeatures(Map.of("chat", false)));
        assertEquals(What.FEATURE, assertInstanceOf(Denied.class, ask("llama-3")).refused());
        cli.remove(ALICE);
        assertInstanceOf(Allowed.class, ask("gpt-4o"), "back to the defaults: chat and every model");
    }

    @Test
    void aChangeWhileTheSettingsAreReadIsSeenByTheCheckAfter() {
        server.beforeNextFind = () -> cli.put(ALICE, CHAT_LLAMA.withModels(ModelAccess.only(List.of())));
        ask("llama-3"); // read the new settings, but kept under the count seen before the read
        assertInstanceOf(Denied.class, ask("llama-3"));
        assertEquals(2, server.finds.get(), "the count moved after it was looked at: read again");
    }

    @Test
    void aStoreThatFailsRefusesAndKeepsNothing() {
        assertInstanceOf(Allowed.class, ask("llama-3"));
        place.failing(true);
        count.incrementAndGet(); // the store changed, then broke
        assertEquals(What.UNREADABLE, assertInstanceOf(Denied.class, ask("llama-3")).refused());
        assertTrue(authorize.fromMemory(asks("llama-3")).isEmpty(), "nothing usable is kept after a failed read");
        assertEquals(What.UNREADABLE, assertInstanceOf(Denied.class, ask("llama-3")).refused());
        place.failing(false);
        assertInstanceOf(Allowed.class, ask("llama-3"));
    }

    @Test
    void theQuestionsOfOneRequestReadTheSettingsOnceEvenWhereNothingIsKept() {
        server.tells = false;
        List<Query> oneRequest = List.of(new Query(alice, Set.of(), Optional.of("chat"), Optional.empty()),
                new Query(alice, Set.of(), Optional.empty(), Optional.of("llama-3")),
                new Query(alice, Set.of(), Optional.empty(), Optional.of("gpt-4o")));
        Denied denied = assertInstanceOf(Denied.class, authorize.authorizeAll(oneRequest));
        assertEquals("gpt-4o", denied.subject(), "the first denial in order");
        assertEquals(1, server.finds.get());
        assertInstanceOf(Allowed.class, authorize.authorizeAll(oneRequest.subList(0, 2)));
        assertEquals(2, server.finds.get());
    }

    @Test
    void aStoreThatCannotTellIsReadEveryTime() {
        server.tells = false;
        ask("llama-3");
        ask("llama-3");
        assertEquals(2, server.finds.get());
        assertTrue(authorize.fromMemory(asks("llama-3")).isEmpty());
        place.failing(true);
        assertEquals(What.UNREADABLE, assertInstanceOf(Denied.class, ask("llama-3")).refused());
    }

    @Test
    void fromMemoryAnswersWhatNeedsNoStoreAndNothingNotReadBefore() {
        assertTrue(authorize.fromMemory(asks("llama-3")).isEmpty(), "not read yet");
        assertInstanceOf(Allowed.class, authorize.fromMemory(new Query(alice, Set.of(), Optional.empty(),
                Optional.empty())).orElseThrow());
        assertEquals(0, server.finds.get());
    }
}

package dev.gatehouse.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PermissionStore} must have. A store adapter's test extends this and
 * says how to open a fresh, empty store and a second instance on the same place.
 */
public abstract class PermissionStoreContract {

    private static final Username ALICE = Username.of("alice");
    private static final Permissions CHAT_AND_LLAMA = new Permissions(Map.of("chat", true, "images", false),
            ModelAccess.only(List.of("llama-*", "mistral-7b", "Qwen?.5")));

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract PermissionStore store();

    /** Another instance opened on the same place as {@link #store()}, as another process would. */
    protected abstract PermissionStore secondInstance();

    @Test
    void aRecordReadsBackExactlyAsWritten() {
        store().put(ALICE, CHAT_AND_LLAMA);
        assertEquals(Optional.of(CHAT_AND_LLAMA), store().find(ALICE));
        assertEquals(Optional.of(CHAT_AND_LLAMA), secondInstance().find(ALICE));
        assertEquals(List.of("llama-*", "mistral-7b", "Qwen?.5"), secondInstance().find(ALICE).orElseThrow().models().patterns());
    }

    @Test
    void aUserWithoutSettingsHasNoRecord() {
        store().put(Username.of("bob"), CHAT_AND_LLAMA);
        assertEquals(Optional.empty(), store().find(ALICE));
        assertEquals(Optional.empty(), secondInstance().find(ALICE));
    }

    @Test
    void allModelsAndNoModelsAreKeptApart() {
        Permissions none = new Permissions(Map.of(), ModelAccess.only(List.of()));
        Permissions all = new Permissions(Map.of("agents", true), ModelAccess.everything());
        store().put(ALICE, none);
        store().put(Username.of("bob"), all);
        assertEquals(Optional.of(none), secondInstance().find(ALICE));
        assertEquals(Optional.of(all), secondInstance().find(Username.of("bob")));
    }

    @Test
    void puttingAgainReplacesTheWholeRecordForTheNextRead() {
        store().put(ALICE, CHAT_AND_LLAMA);
        Permissions later = new Permissions(Map.of("agents", true), ModelAccess.only(List.of("gpt-4o")));
        secondInstance().put(ALICE, later);
        assertEquals(Optional.of(later), store().find(ALICE));
    }

    @Test
    void namesAreCaseSensitive() {
        store().put(ALICE, CHAT_AND_LLAMA);
        assertEquals(Optional.empty(), secondInstance().find(Username.of("Alice")));
        assertFalse(secondInstance().remove(Username.of("Alice")));
        assertEquals(Optional.of(CHAT_AND_LLAMA), store().find(ALICE));
    }

    @Test
    void removingARecordMakesTheUserFollowTheDefaultsAgain() {
        assertFalse(store().remove(ALICE));
        store().put(ALICE, CHAT_AND_LLAMA);
        assertTrue(secondInstance().remove(ALICE));
        assertEquals(Optional.empty(), store().find(ALICE));
        assertFalse(store().remove(ALICE));
    }

    @Test
    void allListsEveryRecordInNameOrder() {
        Permissions bob = new Permissions(Map.of(), ModelAccess.only(List.of("phi-3")));
        store().put(Username.of("bob"), bob);
        store().put(ALICE, CHAT_AND_LLAMA);
        assertEquals(Map.of(ALICE, CHAT_AND_LLAMA, Username.of("bob"), bob), secondInstance().all());
        assertEquals(List.of(ALICE, Username.of("bob")), secondInstance().usernames());
        assertEquals(List.of(ALICE, Username.of("bob")), List.copyOf(secondInstance().all().keySet()));
    }

    @Test
    void featureNamesAndModelPatternsSurviveUnusualCharacters() {
        Permissions odd = new Permissions(Map.of("mcp_jobs", true, "audio_speech", false),
                ModelAccess.only(List.of("org/model:q4_K_M", "a\"b", "x\\y*", "z~{}")));
        Username name = Username.of("Zoë O'Brien");
        store().put(name, odd);
        assertEquals(Optional.of(odd), secondInstance().find(name));
    }

    @Test
    void aStoreThatTellsAChangeCountMovesItForEveryChangeThroughEitherInstance() throws InterruptedException {
        OptionalLong first = store().changeCount();
        Assumptions.assumeTrue(first.isPresent(), "this store tells no change count: every check reads it");
        store().put(ALICE, CHAT_AND_LLAMA);
        long afterOwn = store().changeCount().orElseThrow();
        assertNotEquals(first.getAsLong(), afterOwn, "its own write moves it before put returns");
        secondInstance().remove(ALICE);
        Thread.sleep(5); // another instance's change may lag by a few milliseconds
        assertNotEquals(afterOwn, store().changeCount().orElseThrow(), "another instance's write moves it too");
    }
}

package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static dev.gatehouse.core.contract.Samples.avatar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.AvatarStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AvatarStore} must have. A store adapter's test extends this and says
 * how to open a fresh, empty store and a second instance on the same place.
 */
public abstract class AvatarStoreContract {

    private static final Username ALICE = Username.of("alice");

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract AvatarStore store();

    /** Another instance opened on the same place as {@link #store()}, as another process would. */
    protected abstract AvatarStore secondInstance();

    @Test
    void anAvatarReadsBackExactlyAsWritten() {
        Avatar written = avatar("alice");
        store().put(written);
        assertEquals(Optional.of(written), store().find(ALICE));
        assertEquals(Optional.of(written), secondInstance().find(ALICE));
    }

    @Test
    void aUserWithoutAnAvatarHasNone() {
        store().put(avatar("bob"));
        assertEquals(Optional.empty(), store().find(ALICE));
        assertEquals(Optional.empty(), secondInstance().find(ALICE));
    }

    @Test
    void theTimeOfAnAvatarReadsAloneAsFindSaysIt() {
        assertEquals(Optional.empty(), store().updatedAt(ALICE));
        store().put(avatar("alice", "image/png", 500));
        assertEquals(Optional.of(T0), secondInstance().updatedAt(ALICE));
        Avatar jpeg = new Avatar(ALICE, "image/jpeg", new byte[] {1, 2, 3}, T0.plusSeconds(60));
        secondInstance().put(jpeg);
        assertEquals(Optional.of(jpeg.updatedAt()), store().updatedAt(ALICE));
        assertEquals(Optional.empty(), store().updatedAt(Username.of("Alice")));
        store().delete(ALICE);
        assertEquals(Optional.empty(), secondInstance().updatedAt(ALICE));
    }

    @Test
    void everyMediaTypeReadsBackAsWritten() {
        for (String type : Avatar.MEDIA_TYPES) {
            Avatar written = avatar("user-" + type.substring("image/".length()), type, 100);
            store().put(written);
            assertEquals(Optional.of(written), secondInstance().find(written.username()), type);
        }
    }

    @Test
    void puttingAgainReplacesTheAvatarAlsoWithAnotherMediaType() {
        store().put(avatar("alice", "image/png", 500));
        Avatar jpeg = new Avatar(ALICE, "image/jpeg", new byte[] {1, 2, 3}, T0.plusSeconds(60));
        secondInstance().put(jpeg);
        assertEquals(Optional.of(jpeg), store().find(ALICE));
        Avatar gif = avatar("alice", "image/gif", 40);
        store().put(gif);
        assertEquals(Optional.of(gif), secondInstance().find(ALICE));
    }

    @Test
    void deletingRemovesOnlyThatUsersAvatar() {
        store().put(avatar("alice", "image/webp", 100));
        Avatar bobs = avatar("bob");
        store().put(bobs);
        assertTrue(secondInstance().delete(ALICE));
        assertFalse(store().delete(ALICE));
        assertEquals(Optional.empty(), store().find(ALICE));
        assertEquals(Optional.of(bobs), secondInstance().find(Username.of("bob")));
    }

    @Test
    void deletingAnAbsentAvatarChangesNothing() {
        assertFalse(store().delete(Username.of("nobody")));
        assertEquals(Optional.empty(), secondInstance().find(Username.of("nobody")));
    }

    @Test
    void namesAreCaseSensitiveAndAnyValidNameHasItsOwnAvatar() {
        List<String> names = List.of("alice", "Alice", ".hidden", "..x", "a%41", "aA", "a b", "élodie.o'brien@example",
                "\uD83D\uDE00", "con", "x".repeat(Username.MAX_LENGTH), "\u0416".repeat(Username.MAX_LENGTH));
        for (String name : names) {
            store().put(avatar(name));
        }
        for (String name : names) {
            Avatar found = secondInstance().find(Username.of(name)).orElseThrow(() -> new AssertionError(name));
            assertEquals(Username.of(name), found.username(), name);
        }
        assertEquals(names.size(), names.stream().map(n -> secondInstance().find(Username.of(n)).orElseThrow())
                .collect(java.util.stream.Collectors.toSet()).size(), "every name has its own avatar");
    }

    @Test
    void theStoreSharesNoBytesWithItsCallers() {
        byte[] image = {10, 20, 30, 40};
        Avatar written = new Avatar(ALICE, "image/png", image, T0);
        image[0] = 99;
        store().put(written);
        written.image()[1] = 99;
        store().find(ALICE).orElseThrow().image()[2] = 99;
        assertArrayEquals(new byte[] {10, 20, 30, 40}, store().find(ALICE).orElseThrow().image());
        assertArrayEquals(new byte[] {10, 20, 30, 40}, secondInstance().find(ALICE).orElseThrow().image());
    }

    @Test
    void aOneMebibyteImageRoundTrips() {
        Avatar large = avatar("alice", "image/jpeg", Avatar.MAX_BYTES);
        store().put(large);
        assertEquals(Optional.of(large), secondInstance().find(ALICE));
    }

    @Test
    void concurrentPutsOfDifferentUsersAllLand() throws Exception {
        List<Avatar> written = Concurrently.run(8, i -> {
            Avatar avatar = avatar("user" + i, Avatar.MEDIA_TYPES.get(i % Avatar.MEDIA_TYPES.size()), 2_000);
            (i % 2 == 0 ? store() : secondInstance()).put(avatar);
            return avatar;
        });
        for (Avatar avatar : written) {
            assertEquals(Optional.of(avatar), store().find(avatar.username()));
        }
    }

    @Test
    void whileAnAvatarIsReplacedReadersSeeTheOldOrTheNewNeverNone() throws Exception {
        Avatar png = avatar("alice", "image/png", 20_000);
        Avatar gif = avatar("alice", "image/gif", 10_000);
        store().put(png);
        Set<Avatar> either = Set.of(png, gif);
        List<Boolean> allWhole = Concurrently.run(4, i -> {
            AvatarStore instance = i % 2 == 0 ? store() : secondInstance();
            boolean whole = true;
            for (int round = 0; round < 30; round++) {
                if (i < 2) {
                    instance.put(round % 2 == 0 ? gif : png);
                } else {
                    whole &= instance.find(ALICE).map(either::contains).orElse(false);
                }
            }
            return whole;
        });
        assertEquals(List.of(true, true, true, true), allWhole);
    }
}

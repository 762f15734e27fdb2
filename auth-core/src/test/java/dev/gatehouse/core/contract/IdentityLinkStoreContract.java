package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.IdentityLinkStore.Key;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IdentityLinkStore} must have, one test or more per line of its
 * contract. A store adapter's test extends this and says how to open a fresh, empty store and a
 * second instance on the same place.
 */
public abstract class IdentityLinkStoreContract {

    private static final ProviderName GITHUB = ProviderName.GITHUB;
    private static final ProviderName KEYCLOAK = ProviderName.of("keycloak");

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract IdentityLinkStore store();

    /** Another instance opened on the same place as {@link #store()}, as another process would. */
    protected abstract IdentityLinkStore secondInstance();

    /** A link of {@code subject} at {@code provider} to {@code user}, made at {@code linkedAt}, never used since. */
    public static IdentityLink link(ProviderName provider, String subject, String user, Instant linkedAt) {
        return new IdentityLink(provider, subject, Username.of(user), user + "-at-" + provider, Optional.empty(),
                linkedAt, Optional.empty());
    }

    /** A link with every optional field set, a non-ASCII login and millisecond instants. */
    public static IdentityLink fullLink(String subject, String user) {
        return new IdentityLink(KEYCLOAK, subject, Username.of(user), "élodie.müller@corp – 東京",
                Optional.of("elodie@example.org"), T0, Optional.of(T0.plusMillis(90_001)));
    }

    @Test
    void aLinkWithEveryFieldReadsBackExactlyAsWritten() {
        IdentityLink full = fullLink("f:3c9e11ef-8d2b:1001", "élodie");
        assertTrue(store().insert(full));
        assertEquals(Optional.of(full), store().find(KEYCLOAK, full.subject()));
        assertEquals(Optional.of(full), secondInstance().find(KEYCLOAK, full.subject()));
        assertEquals(List.of(full), secondInstance().listFor(Username.of("élodie")));
        assertEquals(List.of(full), secondInstance().page(Optional.empty(), 10));
    }

    @Test
    void aLinkWithoutEmailOrUseReadsBackExactlyAsWritten() {
        IdentityLink plain = link(GITHUB, "583231", "octo", T0);
        assertTrue(store().insert(plain));
        assertEquals(Optional.of(plain), secondInstance().find(GITHUB, "583231"));
        assertEquals(Optional.empty(), secondInstance().find(GITHUB, "583231").orElseThrow().email());
        assertEquals(Optional.empty(), secondInstance().find(GITHUB, "583231").orElseThrow().lastUsedAt());
    }

    @Test
    void instantsKeepTheirMilliseconds() {
        IdentityLink link = new IdentityLink(GITHUB, "1", Username.of("alice"), "alice", Optional.empty(),
                Instant.parse("2025-03-15T10:30:00.999Z"), Optional.of(Instant.parse("2025-03-15T10:30:01.001Z")));
        store().insert(link);
        IdentityLink read = secondInstance().find(GITHUB, "1").orElseThrow();
        assertEquals(link.linkedAt(), read.linkedAt());
        assertEquals(link.lastUsedAt(), read.lastUsedAt());
    }

    @Test
    void anUnknownPairFindsNothing() {
        store().insert(link(GITHUB, "583231", "octo", T0));
        assertEquals(Optional.empty(), secondInstance().find(GITHUB, "583232"));
        assertEquals(Optional.empty(), secondInstance().find(KEYCLOAK, "583231"));
        assertEquals(List.of(), secondInstance().listFor(Username.of("nobody")));
    }

    @Test
    void aLinkedPairIsRefusedAndNothingIsOverwritten() {
        IdentityLink first = link(GITHUB, "583231", "alice", T0);
        assertTrue(store().insert(first));
        assertFalse(store().insert(link(GITHUB, "583231", "mallory", T0.plusSeconds(1))));
        assertFalse(secondInstance().insert(link(GITHUB, "583231", "alice", T0.plusSeconds(2))));
        assertEquals(Optional.of(first), secondInstance().find(GITHUB, "583231"));
        assertEquals(List.of(), store().listFor(Username.of("mallory")));
    }

    @Test
    void theSameSubjectAtAnotherProviderIsAnotherIdentity() {
        assertTrue(store().insert(link(GITHUB, "42", "alice", T0)));
        assertTrue(secondInstance().insert(link(KEYCLOAK, "42", "bob", T0)));
        assertEquals("alice", store().find(GITHUB, "42").orElseThrow().username().value());
        assertEquals("bob", store().find(KEYCLOAK, "42").orElseThrow().username().value());
    }

    @Test
    void subjectsAreCaseSensitive() {
        assertTrue(store().insert(link(KEYCLOAK, "Alice", "alice", T0)));
        assertTrue(secondInstance().insert(link(KEYCLOAK, "alice", "mallory", T0)));
        assertEquals("alice", secondInstance().find(KEYCLOAK, "Alice").orElseThrow().username().value());
        assertEquals("mallory", secondInstance().find(KEYCLOAK, "alice").orElseThrow().username().value());
        assertEquals(Optional.empty(), secondInstance().find(KEYCLOAK, "ALICE"));
        assertTrue(store().delete(KEYCLOAK, "alice", Username.of("mallory")));
        assertEquals("alice", secondInstance().find(KEYCLOAK, "Alice").orElseThrow().username().value());
    }

    @Test
    void anAccountListsItsLinksOldestFirstThenByProviderThenSubject() {
        IdentityLink newest = link(GITHUB, "1", "alice", T0.plusSeconds(60));
        IdentityLink tieKeycloak = link(KEYCLOAK, "a", "alice", T0);
        IdentityLink tieGithubB = link(GITHUB, "b", "alice", T0);
        IdentityLink tieGithubA = link(GITHUB, "a", "alice", T0);
        IdentityLink someoneElse = link(GITHUB, "0", "bob", T0.minusSeconds(60));
        List.of(newest, tieKeycloak, someoneElse).forEach(store()::insert);
        List.of(tieGithubB, tieGithubA).forEach(secondInstance()::insert);
        assertEquals(List.of(tieGithubA, tieGithubB, tieKeycloak, newest), secondInstance().listFor(Username.of("alice")));
        assertEquals(List.of(someoneElse), store().listFor(Username.of("bob")));
    }

    @Test
    void usernamesAreCaseSensitiveInListings() {
        store().insert(link(GITHUB, "1", "alice", T0));
        store().insert(link(GITHUB, "2", "Alice", T0));
        assertEquals(List.of("1"), secondInstance().listFor(Username.of("alice")).stream().map(IdentityLink::subject).toList());
        assertEquals(1, store().deleteAllFor(Username.of("Alice")));
        assertTrue(secondInstance().find(GITHUB, "1").isPresent());
    }

    @Test
    void pagesWalkEveryLinkOnceInProviderThenSubjectOrder() {
        // Subjects compare as strings: "10" before "9", "Z" before "a".
        List<IdentityLink> written = List.of(link(KEYCLOAK, "a", "carol", T0), link(GITHUB, "9", "alice", T0.plusSeconds(3)),
                link(GITHUB, "10", "bob", T0.plusSeconds(2)), link(KEYCLOAK, "Z", "dave", T0.plusSeconds(1)),
                link(ProviderName.of("corp-sso"), "x", "erin", T0));
        written.forEach(store()::insert);
        List<IdentityLink> first = secondInstance().page(Optional.empty(), 2);
        assertEquals(List.of("corp-sso:x", "github:10"), keys(first));
        List<IdentityLink> second = secondInstance().page(Optional.of(Key.of(first.get(1))), 2);
        assertEquals(List.of("github:9", "keycloak:Z"), keys(second));
        List<IdentityLink> last = secondInstance().page(Optional.of(Key.of(second.get(1))), 2);
        assertEquals(List.of("keycloak:a"), keys(last));
        assertEquals(List.of(), secondInstance().page(Optional.of(Key.of(last.get(0))), 2));
        assertEquals(5, store().page(Optional.empty(), 100).size());
    }

    @Test
    void aPageMayStartAfterAKeyThatIsNotStored() {
        store().insert(link(GITHUB, "b", "alice", T0));
        store().insert(link(KEYCLOAK, "a", "alice", T0));
        assertEquals(List.of("github:b", "keycloak:a"), keys(secondInstance().page(Optional.of(new Key(GITHUB, "a")), 10)));
        assertEquals(List.of("keycloak:a"), keys(secondInstance().page(Optional.of(new Key(GITHUB, "c")), 10)));
    }

    @Test
    void anUpdateReplacesTheLinkAndIsSeenEverywhere() {
        IdentityLink link = link(GITHUB, "583231", "octo", T0);
        store().insert(link);
        IdentityLink used = new IdentityLink(GITHUB, "583231", Username.of("octo"), "octocat-renamed",
                Optional.of("octo@example.org"), T0, Optional.of(T0.plusSeconds(30)));
        assertEquals(Optional.of(used), secondInstance().update(GITHUB, "583231", current -> used));
        assertEquals(Optional.of(used), store().find(GITHUB, "583231"));
        IdentityLink forgotten = new IdentityLink(GITHUB, "583231", Username.of("octo"), "octocat", Optional.empty(),
                T0, Optional.of(T0.plusSeconds(60)));
        store().update(GITHUB, "583231", current -> forgotten);
        assertEquals(Optional.of(forgotten), secondInstance().find(GITHUB, "583231"));
    }

    @Test
    void updatingAnUnknownLinkChangesNothing() {
        assertEquals(Optional.empty(), store().update(GITHUB, "1", current -> link(GITHUB, "1", "alice", T0)));
        assertEquals(Optional.empty(), secondInstance().find(GITHUB, "1"));
    }

    @Test
    void anUpdateCannotMoveALinkToAnotherAccountOrIdentity() {
        IdentityLink link = link(GITHUB, "583231", "alice", T0);
        store().insert(link);
        assertThrows(IllegalArgumentException.class,
                () -> store().update(GITHUB, "583231", current -> link(GITHUB, "583231", "mallory", T0)));
        assertThrows(IllegalArgumentException.class,
                () -> secondInstance().update(GITHUB, "583231", current -> link(GITHUB, "583232", "alice", T0)));
        assertThrows(IllegalArgumentException.class,
                () -> secondInstance().update(GITHUB, "583231", current -> link(KEYCLOAK, "583231", "alice", T0)));
        assertEquals(Optional.of(link), store().find(GITHUB, "583231"));
        assertEquals(Optional.empty(), store().find(GITHUB, "583232"));
        assertEquals(Optional.empty(), store().find(KEYCLOAK, "583231"));
    }

    @Test
    void deletingRemovesALinkOnlyFromTheAccountNamed() {
        IdentityLink alices = link(GITHUB, "583231", "alice", T0);
        store().insert(alices);
        assertFalse(secondInstance().delete(GITHUB, "583231", Username.of("mallory")));
        assertEquals(Optional.of(alices), store().find(GITHUB, "583231"));
        assertTrue(secondInstance().delete(GITHUB, "583231", Username.of("alice")));
        assertEquals(Optional.empty(), store().find(GITHUB, "583231"));
        assertFalse(store().delete(GITHUB, "583231", Username.of("alice")));
    }

    @Test
    void aDeletedPairCanBeLinkedAgain() {
        store().insert(link(GITHUB, "583231", "alice", T0));
        store().delete(GITHUB, "583231", Username.of("alice"));
        IdentityLink again = link(GITHUB, "583231", "bob", T0.plusSeconds(5));
        assertTrue(secondInstance().insert(again));
        assertEquals(Optional.of(again), store().find(GITHUB, "583231"));
    }

    @Test
    void deletingAllOfAnAccountsLinksLeavesOthersAlone() {
        store().insert(link(GITHUB, "1", "alice", T0));
        store().insert(link(KEYCLOAK, "alice@corp", "alice", T0));
        IdentityLink bobs = link(GITHUB, "2", "bob", T0);
        store().insert(bobs);
        assertEquals(2, secondInstance().deleteAllFor(Username.of("alice")));
        assertEquals(List.of(), store().listFor(Username.of("alice")));
        assertEquals(List.of(bobs), store().page(Optional.empty(), 10));
        assertEquals(0, secondInstance().deleteAllFor(Username.of("alice")));
    }

    @Test
    void ofConcurrentInsertsOfOnePairExactlyOneWins() throws Exception {
        List<Boolean> won = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance())
                .insert(link(GITHUB, "583231", "user" + i, T0.plusSeconds(i))));
        assertEquals(1, won.stream().filter(w -> w).count(), "winners: " + won);
        String owner = store().find(GITHUB, "583231").orElseThrow().username().value();
        assertEquals("user" + won.indexOf(true), owner);
        assertEquals(1, store().page(Optional.empty(), 10).size());
    }

    @Test
    void concurrentUpdatesOfOneLinkAreAllApplied() throws Exception {
        store().insert(link(GITHUB, "583231", "octo", T0));
        int threads = 8;
        Concurrently.run(threads, i -> (i % 2 == 0 ? store() : secondInstance()).update(GITHUB, "583231",
                current -> new IdentityLink(current.provider(), current.subject(), current.username(),
                        current.login() + "+", current.email(), current.linkedAt(),
                        Optional.of(current.lastUsedAt().orElse(T0).plusSeconds(1)))));
        IdentityLink result = secondInstance().find(GITHUB, "583231").orElseThrow();
        assertEquals("octo-at-github" + "+".repeat(threads), result.login());
        assertEquals(Optional.of(T0.plusSeconds(threads)), result.lastUsedAt());
    }

    @Test
    void concurrentInsertsOfDifferentPairsAllLand() throws Exception {
        List<Boolean> won = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance())
                .insert(link(i % 3 == 0 ? KEYCLOAK : GITHUB, "s" + i, "alice", T0.plusSeconds(i))));
        assertEquals(List.of(true, true, true, true, true, true, true, true), won);
        assertEquals(8, secondInstance().listFor(Username.of("alice")).size());
    }

    private static List<String> keys(List<IdentityLink> links) {
        return links.stream().map(l -> l.provider() + ":" + l.subject()).toList();
    }
}

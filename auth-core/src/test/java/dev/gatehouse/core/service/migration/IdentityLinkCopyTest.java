package dev.gatehouse.core.service.migration;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.IdentityLinkStoreContract;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.testing.InMemoryStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Copying the links to providers' identities: with their users, once, and never a way in the target closed. */
class IdentityLinkCopyTest {

    private static final ProviderName KEYCLOAK = ProviderName.of("keycloak");
    private static final Username ALICE = Username.of("alice");

    private final Stores from = InMemoryStores.create();
    private final Stores to = InMemoryStores.create();

    private final IdentityLink alicesGithub = IdentityLinkStoreContract.link(ProviderName.GITHUB, "583231", "alice", T0);
    private final IdentityLink alicesKeycloak = IdentityLinkStoreContract.fullLink("f:1001", "alice");
    private final IdentityLink bobsGithub = IdentityLinkStoreContract.link(ProviderName.GITHUB, "42", "bob", T0);

    private void fillSource() {
        from.users().insert(Samples.user("alice"));
        from.users().insert(Samples.user("bob"));
        List.of(alicesGithub, alicesKeycloak, bobsGithub).forEach(from.identities()::insert);
    }

    private CopyStoresResult copy(boolean replaceExisting) {
        return new CopyStores(CopyStores.DEFAULT_BATCH_SIZE, replaceExisting).copy(from, to, CopyStores.Progress.none());
    }

    @Test
    void linksAreCopiedWithTheirUsersAndASecondRunCopiesNothingNew() {
        fillSource();
        CopyStoresResult first = copy(false);
        assertEquals(new Counts(3, 0, 0), first.identityLinks());
        assertEquals(List.of(alicesGithub, alicesKeycloak), to.identities().listFor(ALICE));
        assertEquals(Optional.of(bobsGithub), to.identities().find(ProviderName.GITHUB, "42"));

        CopyStoresResult again = copy(false);
        assertEquals(new Counts(0, 3, 0), again.identityLinks());
        assertTrue(again.nothingNew(), again::toString);
    }

    @Test
    void linksAreWalkedInPagesOfTheBatchSize() {
        from.users().insert(Samples.user("alice"));
        for (int i = 0; i < 5; i++) {
            from.identities().insert(IdentityLinkStoreContract.link(KEYCLOAK, "s" + i, "alice", T0.plusSeconds(i)));
        }
        List<String> progress = new ArrayList<>();
        CopyStoresResult result = new CopyStores(2).copy(from, to,
                (phase, done, total) -> progress.add(phase + " " + done + "/" + total));
        assertEquals(new Counts(5, 0, 0), result.identityLinks());
        assertEquals(List.of("identity links 0/-1", "identity links 2/-1", "identity links 4/-1", "identity links 5/-1",
                "identity links 5/5"), progress.stream().filter(line -> line.startsWith("identity links")).toList());
        assertEquals(5, to.identities().listFor(ALICE).size());
    }

    @Test
    void aLinkDisconnectedInTheTargetAfterACopyDoesNotComeBackUnlessTheSourceIsToWin() {
        fillSource();
        copy(false);
        to.identities().delete(ProviderName.GITHUB, "583231", ALICE);

        CopyStoresResult again = copy(false);
        assertEquals(new Counts(0, 2, 0), again.identityLinks());
        assertEquals(Optional.empty(), to.identities().find(ProviderName.GITHUB, "583231"));
        assertTrue(again.warnings().stream().anyMatch(w -> w.startsWith("1 identity link was not copied")), again::toString);

        CopyStoresResult replacing = copy(true);
        assertEquals(new Counts(1, 2, 0), replacing.identityLinks());
        assertEquals(Optional.of(alicesGithub), to.identities().find(ProviderName.GITHUB, "583231"));
    }

    @Test
    void anIdentityTheTargetLinksToAnotherAccountStaysThere() {
        fillSource();
        to.users().insert(Samples.user("mallory"));
        IdentityLink mallorys = IdentityLinkStoreContract.link(ProviderName.GITHUB, "583231", "mallory", T0);
        to.identities().insert(mallorys);

        CopyStoresResult result = copy(true);
        assertEquals(new Counts(2, 1, 0), result.identityLinks());
        assertEquals(Optional.of(mallorys), to.identities().find(ProviderName.GITHUB, "583231"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("1 identity is linked to another account")),
                result::toString);
    }

    @Test
    void aLinkThatChangedInTheSourceReplacesTheTargetsOnlyWhenTheSourceIsToWin() {
        fillSource();
        copy(false);
        IdentityLink used = new IdentityLink(alicesGithub.provider(), alicesGithub.subject(), ALICE, "octocat",
                Optional.of("alice@example.org"), T0, Optional.of(T0.plusSeconds(600)));
        from.identities().update(ProviderName.GITHUB, "583231", current -> used);

        assertEquals(new Counts(0, 3, 0), copy(false).identityLinks());
        assertEquals(Optional.of(alicesGithub), to.identities().find(ProviderName.GITHUB, "583231"));
        assertEquals(new Counts(0, 2, 1), copy(true).identityLinks());
        assertEquals(Optional.of(used), to.identities().find(ProviderName.GITHUB, "583231"));
    }

    @Test
    void aLinkWhoseUserIsNotInTheTargetIsNotCopied() {
        from.identities().insert(IdentityLinkStoreContract.link(ProviderName.GITHUB, "7", "ghost", T0));
        CopyStoresResult result = copy(true);
        assertEquals(Counts.NONE, result.identityLinks());
        assertEquals(Optional.empty(), to.identities().find(ProviderName.GITHUB, "7"));
    }
}

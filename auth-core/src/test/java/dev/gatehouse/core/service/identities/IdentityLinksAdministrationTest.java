package dev.gatehouse.core.service.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.IdentityLinkStoreContract;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.ListIdentityLinks;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.testing.CoreFixture;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing and removing the provider identities linked to accounts, and removing them with the account. */
class IdentityLinksAdministrationTest {

    private static final Username ALICE = Username.of("alice");
    private static final ProviderName KEYCLOAK = ProviderName.of("keycloak");
    private static final Instant T = Instant.parse("2026-01-10T08:00:00Z");

    private final CoreFixture core = new CoreFixture();
    private final ListIdentityLinksService list = new ListIdentityLinksService(core.users, core.identities);

    private final IdentityLink github = IdentityLinkStoreContract.link(ProviderName.GITHUB, "583231", "alice", T);
    private final IdentityLink keycloak = IdentityLinkStoreContract.link(KEYCLOAK, "f:1001", "alice", T.plusSeconds(1));

    /** An account that only signs in through providers. */
    private void passwordless(String name) {
        core.users.insert(new User(Username.of(name), Optional.empty(), EnumSet.of(Role.USER), UserStatus.ACTIVE, T,
                Optional.empty()));
    }

    @Test
    void removingAUserRemovesTheirLinksSoANewAccountOfTheNameCannotBeEnteredThroughThem() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.identities.insert(github);
        core.identities.insert(IdentityLinkStoreContract.link(KEYCLOAK, "bob", "bob", T));
        assertInstanceOf(RemoveUser.Removed.class, core.removeUser.remove(Actor.operator(), ALICE));
        assertEquals(List.of(), core.identities.listFor(ALICE));
        assertTrue(core.identities.find(KEYCLOAK, "bob").isPresent(), "other accounts keep theirs");
        AuditEvent removal = core.auditLog.all().stream().filter(e -> e.action().equals("user.delete")).findFirst().orElseThrow();
        assertEquals("1", removal.details().get("identities_unlinked"));
    }

    @Test
    void aRefusedRemovalLeavesTheLinks() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.identities.insert(github);
        assertInstanceOf(Refused.class, core.removeUser.remove(core.actorFor("alice"), Username.ADMIN));
        assertInstanceOf(Refused.class, core.removeUser.remove(core.actorFor("alice"), ALICE));
        assertEquals(List.of(github), core.identities.listFor(ALICE));
    }

    @Test
    void rejectingAPendingAccountRemovesTheIdentityItAskedThrough() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        f.registered("pat", null, null);
        IdentityLink pats = IdentityLinkStoreContract.link(KEYCLOAK, "pat", "pat", T);
        f.core.identities.insert(pats);
        assertInstanceOf(RejectUser.Rejected.class, f.rejectUser.reject(Actor.operator(), Username.of("pat")));
        assertEquals(Optional.empty(), f.core.identities.find(KEYCLOAK, "pat"));
    }

    @Test
    void administratorsSeeEveryLink() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        core.identities.insert(keycloak);
        core.identities.insert(github);
        assertEquals(new ListIdentityLinks.Listed(List.of(github, keycloak)), list.listAll(core.actorFor("admin")));
    }

    @Test
    void nobodyElseSeesEveryLink() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        core.identities.insert(github);
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class, list.listAll(core.actorFor("alice"))).reason());
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class, list.listAll(core.actorFor("bob"))).reason());
    }

    @Test
    void listingAllWalksEveryPage() {
        core.add("admin", "plum-tulip-ferry-42", false);
        int many = ListIdentityLinksService.PAGE * 2 + 3;
        for (int i = 0; i < many; i++) {
            core.identities.insert(IdentityLinkStoreContract.link(KEYCLOAK, String.format("s%05d", i), "admin", T));
        }
        assertEquals(many, ((ListIdentityLinks.Listed) list.listAll(Actor.operator())).links().size());
    }
}

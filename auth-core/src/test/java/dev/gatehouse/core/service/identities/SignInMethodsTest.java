package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.DisconnectIdentity;
import dev.gatehouse.core.port.in.ListSignInMethods.Methods;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Listing an account's ways in, and taking one away, never the last. */
class SignInMethodsTest {

    private static final ExternalIdentity OCTOCAT = identity(GITHUB, "583231", "octocat", null, false);
    private static final ExternalIdentity OCTO_AT_KEYCLOAK = identity(KEYCLOAK, "kc-octo", "octo@corp", null, false);

    private final ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
    private final ListSignInMethodsService list = new ListSignInMethodsService(f.core.users, f.links, f.core.audit);
    private final DisconnectIdentityService disconnect = new DisconnectIdentityService(f.core.users, f.links, f.core.audit);

    private DisconnectIdentity.Result disconnect(Actor actor, String username, ExternalIdentity identity) {
        return disconnect.disconnect(new DisconnectIdentity.Command(actor, Username.of(username), identity.provider(),
                identity.subject()));
    }

    private Refused refusedWithoutTrace(Actor actor, String username, ExternalIdentity identity) {
        int links = f.allLinks().size();
        Refused refused = assertInstanceOf(Refused.class, disconnect(actor, username, identity));
        assertEquals(links, f.allLinks().size(), "nothing was removed");
        assertEquals(AuditEvent.Outcome.REFUSED, f.last("identity.disconnect").outcome());
        return refused;
    }

    @Test
    void theListShowsThePasswordAndEveryLinkedIdentity() {
        f.core.add("root", RegistrationFixture.PASSWORD, true);
        f.core.add("alice", RegistrationFixture.PASSWORD, false);
        f.connect(OCTOCAT, "alice");
        f.connect(OCTO_AT_KEYCLOAK, "alice");

        Methods mine = assertInstanceOf(Methods.class, list.list(f.core.actorFor("alice"), Username.of("alice")));

        assertTrue(mine.password());
        assertEquals(3, mine.count());
        assertEquals("github:octocat", mine.links().get(0).label());
        assertEquals("keycloak:octo@corp", mine.links().get(1).label());
        assertInstanceOf(Methods.class, list.list(f.core.actorFor("root"), Username.of("alice")), "an admin sees anyone's");
    }

    @Test
    void nobodyElseSeesSomeonesSignInMethods() {
        f.core.add("root", RegistrationFixture.PASSWORD, true);
        f.core.add("alice", RegistrationFixture.PASSWORD, false);
        f.core.add("bob", RegistrationFixture.PASSWORD, false);
        Refused refused = assertInstanceOf(Refused.class, list.list(f.core.actorFor("bob"), Username.of("alice")));
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertEquals(AuditEvent.Outcome.REFUSED, f.last("identity.list").outcome());
    }

    @Test
    void anAccountMadeThroughAProviderHasNoPassword() {
        f.signedIn(OCTOCAT);
        Methods methods = assertInstanceOf(Methods.class, list.list(Actor.operator(), Username.of("octocat")));
        assertFalse(methods.password());
        assertEquals(1, methods.count());
    }

    @Test
    void theLastWayIntoAnAccountCannotBeDisconnected() {
        f.signedIn(OCTOCAT);
        Refused refused = refusedWithoutTrace(f.core.actorFor("octocat"), "octocat", OCTOCAT);
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertTrue(refused.message().contains("last way into 'octocat'"), refused.message());
        assertTrue(refused.message().contains("Set a password or connect another provider first"), refused.message());
        assertInstanceOf(Refused.class, disconnect(Actor.operator(), "octocat", OCTOCAT), "not by an administrator either");
    }

    @Test
    void withAnotherWayInAnIdentityCanBeDisconnectedAndNoLongerLeadsIn() {
        f.signedIn(OCTOCAT);
        f.connect(OCTO_AT_KEYCLOAK, "octocat");

        DisconnectIdentity.Disconnected gone = assertInstanceOf(DisconnectIdentity.Disconnected.class,
                disconnect(f.core.actorFor("octocat"), "octocat", OCTOCAT));

        assertEquals("github:octocat", gone.link().label());
        assertEquals(1, f.links.listFor(Username.of("octocat")).size());
        assertEquals(AuditEvent.Outcome.SUCCESS, f.last("identity.disconnect").outcome());
        assertEquals("github:octocat", f.last("identity.disconnect").details().get("identity"));
        f.inMode(RegistrationMode.CLOSED);
        assertEquals(SignInWithProvider.Why.REGISTRATION_CLOSED, f.refusal(f.signIn(OCTOCAT)));
    }

    @Test
    void anAccountWithAPasswordCanDisconnectItsOnlyIdentity() {
        f.core.add("alice", RegistrationFixture.PASSWORD, false);
        f.connect(OCTOCAT, "alice");
        assertInstanceOf(DisconnectIdentity.Disconnected.class, disconnect(f.core.actorFor("alice"), "alice", OCTOCAT));
    }

    @Test
    void usersDisconnectOnlyTheirOwnAndAdministratorsAnyones() {
        f.core.add("root", RegistrationFixture.PASSWORD, true);
        f.core.add("alice", RegistrationFixture.PASSWORD, false);
        f.core.add("bob", RegistrationFixture.PASSWORD, false);
        f.connect(OCTOCAT, "alice");
        assertEquals(Refused.Reason.NOT_ALLOWED, refusedWithoutTrace(f.core.actorFor("bob"), "alice", OCTOCAT).reason());
        assertEquals(Refused.Reason.NOT_FOUND, refusedWithoutTrace(f.core.actorFor("bob"), "bob", OCTOCAT).reason(),
                "someone else's identity is not in bob's account");
        Actor impersonated = f.core.actorFor("alice").impersonatedBy(Optional.of(Username.of("root")));
        assertEquals(Refused.Reason.NOT_ALLOWED, refusedWithoutTrace(impersonated, "alice", OCTOCAT).reason());
        assertInstanceOf(DisconnectIdentity.Disconnected.class, disconnect(f.core.actorFor("root"), "alice", OCTOCAT));
    }

    @Test
    void twoDisconnectsAtOnceStillLeaveOneWayIn() {
        f.signedIn(OCTOCAT);
        f.connect(OCTO_AT_KEYCLOAK, "octocat");
        Actor octocat = f.core.actorFor("octocat");
        AtomicReference<DisconnectIdentity.Result> keycloakGone = new AtomicReference<>();
        // Just before it deletes github, the other removal (of keycloak) runs whole: both saw two ways in.
        IdentityLinkStore interleaving = (IdentityLinkStore) Proxy.newProxyInstance(
                IdentityLinkStore.class.getClassLoader(), new Class<?>[] {IdentityLinkStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("delete") && keycloakGone.get() == null) {
                        keycloakGone.set(disconnect(octocat, "octocat", OCTO_AT_KEYCLOAK));
                    }
                    try {
                        return method.invoke(f.links, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DisconnectIdentityService racing = new DisconnectIdentityService(f.core.users, interleaving, f.core.audit);

        DisconnectIdentity.Result githubGone = racing.disconnect(new DisconnectIdentity.Command(octocat,
                Username.of("octocat"), OCTOCAT.provider(), OCTOCAT.subject()));

        assertInstanceOf(DisconnectIdentity.Disconnected.class, keycloakGone.get());
        Refused refused = assertInstanceOf(Refused.class, githubGone, "the one that found no way left puts it back");
        assertTrue(refused.message().contains("last way into"), refused.message());
        assertEquals(java.util.List.of("github:octocat"),
                f.links.listFor(Username.of("octocat")).stream().map(l -> l.label()).toList());
    }
}

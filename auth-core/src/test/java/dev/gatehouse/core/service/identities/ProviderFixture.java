package dev.gatehouse.core.service.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.in.SignInWithProvider.Command;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.testing.CoreFixture;
import dev.gatehouse.core.testing.InMemoryIdentityLinkStore;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.util.List;
import java.util.Optional;

/** Sign-in through providers over a {@link RegistrationFixture}'s stores, in one registration mode. */
final class ProviderFixture {

    static final ProviderName KEYCLOAK = ProviderName.of("keycloak");
    static final ProviderName GOOGLE = ProviderName.of("google");
    static final ProviderName GITHUB = ProviderName.GITHUB;
    static final String IP = "198.51.100.7";

    final RegistrationFixture registration;
    final CoreFixture core;
    final InMemoryIdentityLinkStore links = new InMemoryIdentityLinkStore();
    private RegistrationMode mode;
    ProviderSettings settings = ProviderSettings.none();

    ProviderFixture(RegistrationMode mode) {
        this.mode = mode;
        this.registration = new RegistrationFixture(mode);
        this.core = registration.core;
    }

    ProviderFixture with(ProviderSettings newSettings) {
        settings = newSettings;
        return this;
    }

    /** Provider sign-in in another registration mode from now on (the operator restarted with another). */
    ProviderFixture inMode(RegistrationMode newMode) {
        mode = newMode;
        return this;
    }

    SignInWithProviderService service() {
        return service(core.users, links);
    }

    /** The service over other user and link stores (wrappers that pause or fail). */
    SignInWithProviderService service(UserStore users, IdentityLinkStore identityLinks) {
        return new SignInWithProviderService(users, core.sessions, identityLinks, registration.invites,
                core.permissions, core.tokens, core.sessionPolicy,
                new RegistrationRules(mode, Optional.of(RegistrationFixture.ADMIN_EMAIL)), settings.checkedAgainst(
                        dev.gatehouse.core.model.rights.FeatureCatalog.localAi()), core.audit, core.clock);
    }

    static ExternalIdentity identity(ProviderName provider, String subject, String login, String email,
                                     boolean verified, String... groups) {
        return new ExternalIdentity(provider, subject, login, Optional.ofNullable(email), verified, List.of(groups),
                Optional.empty());
    }

    SignInWithProvider.Result signIn(ExternalIdentity identity) {
        return service().signIn(Command.signIn(identity, Optional.empty(), IP, "test"));
    }

    SignInWithProvider.Result signIn(ExternalIdentity identity, String inviteCode) {
        return service().signIn(Command.signIn(identity, Optional.of(inviteCode), IP, "test"));
    }

    SignInWithProvider.SignedIn signedIn(ExternalIdentity identity) {
        return assertInstanceOf(SignInWithProvider.SignedIn.class, signIn(identity));
    }

    SignInWithProvider.Result connect(ExternalIdentity identity, String signedInAs) {
        return service().signIn(Command.connect(identity, core.actorFor(signedInAs), "test"));
    }

    SignInWithProvider.Why refusal(SignInWithProvider.Result result) {
        return assertInstanceOf(SignInWithProvider.Refused.class, result).why();
    }

    User user(String name) {
        return core.users.find(Username.of(name)).orElseThrow();
    }

    List<IdentityLink> allLinks() {
        return links.page(Optional.empty(), 1000);
    }

    int sessionCount() {
        return core.sessions.page(Optional.empty(), 1000).size();
    }

    int inviteUses() {
        return registration.invites.list().stream().mapToInt(i -> i.uses().size()).sum();
    }

    AuditEvent last(String action) {
        List<AuditEvent> events = core.auditLog.all().stream().filter(e -> e.action().equals(action)).toList();
        if (events.isEmpty()) {
            throw new AssertionError("no " + action + " event in " + core.auditLog.all());
        }
        return events.get(events.size() - 1);
    }

    /** What a refusal must leave as it was. */
    record Snapshot(long users, List<IdentityLink> links, int sessions, int inviteUses, int permissions) {
    }

    Snapshot snapshot() {
        return new Snapshot(core.users.count(), allLinks(), sessionCount(), inviteUses(), core.permissions.all().size());
    }

    /** Runs a refusal and checks that it created nothing and was audited as refused. */
    SignInWithProvider.Refused refusedWithoutTrace(java.util.function.Supplier<SignInWithProvider.Result> attempt,
                                                   String action) {
        Snapshot before = snapshot();
        int events = core.auditLog.all().size();
        SignInWithProvider.Refused refused = assertInstanceOf(SignInWithProvider.Refused.class, attempt.get());
        assertEquals(before, snapshot(), "a refusal creates nothing");
        AuditEvent event = last(action);
        assertEquals(AuditEvent.Outcome.REFUSED, event.outcome());
        assertEquals(refused.why().name().toLowerCase(java.util.Locale.ROOT), event.details().get("reason"));
        assertEquals(events + 1, core.auditLog.all().size(), "one event per refusal");
        return refused;
    }

    /** An invite made by the operator; its code. */
    String invite(String email, int uses) {
        return registration.invite(email, uses, dev.gatehouse.core.port.in.CreateInvite.DEFAULT_LIFETIME).code();
    }

    Invite onlyInvite() {
        return registration.invites.list().get(0);
    }
}

package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.RegistrationMode;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.InMemoryInviteStore;
import java.time.Duration;
import java.util.Optional;

/** Registration, invites and approval wired over a {@link CoreFixture}'s stores, in one mode. */
final class RegistrationFixture {

    static final String PASSWORD = "plum-tulip-ferry-42";
    static final String ADMIN_EMAIL = "owner@example.org";

    final CoreFixture core = new CoreFixture();
    final InMemoryInviteStore invites = new InMemoryInviteStore();
    final RegisterService register;
    final CreateInviteService createInvite = new CreateInviteService(invites, core.tokens, SecureRandomSource.system(),
            core.audit, core.clock);
    final ListInvitesService listInvites = new ListInvitesService(invites);
    final RevokeInviteService revokeInvite = new RevokeInviteService(invites, core.audit, core.clock);
    final ApproveUserService approveUser = new ApproveUserService(core.users, core.audit);
    final RejectUserService rejectUser = new RejectUserService(core.users, core.sessions, core.audit);

    RegistrationFixture(RegistrationMode mode) {
        this(mode, SignInThrottle.off());
    }

    RegistrationFixture(RegistrationMode mode, SignInThrottle throttle) {
        register = new RegisterService(core.users, core.sessions, invites, core.hasher, PasswordPolicy.defaults(),
                core.tokens, new RegistrationRules(mode, Optional.of(ADMIN_EMAIL)), throttle, core.audit, core.clock);
    }

    Register.Result register(String name, String email, String code) {
        return register.register(new Register.Command(name, Password.of(PASSWORD), Optional.ofNullable(email),
                Optional.ofNullable(code), "192.0.2.9"));
    }

    Register.Registered registered(String name, String email, String code) {
        Register.Result result = register(name, email, code);
        if (result instanceof Register.Registered ok) {
            return ok;
        }
        throw new AssertionError("could not register " + name + ": " + result);
    }

    /** A new invite made by the operator; its code. */
    CreateInvite.Created invite(String email, int uses, Duration lifetime) {
        CreateInvite.Result result = createInvite.create(new CreateInvite.Command(Actor.operator(),
                Optional.ofNullable(email), Optional.of(uses), Optional.of(lifetime)));
        if (result instanceof CreateInvite.Created created) {
            return created;
        }
        throw new AssertionError("could not create an invite: " + result);
    }

    String code() {
        return invite(null, 1, CreateInvite.DEFAULT_LIFETIME).code();
    }
}

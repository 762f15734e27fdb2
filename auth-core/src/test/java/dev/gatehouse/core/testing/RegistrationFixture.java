package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.registration.ApproveUserService;
import dev.gatehouse.core.service.registration.CreateInviteService;
import dev.gatehouse.core.service.registration.ListInvitesService;
import dev.gatehouse.core.service.registration.RegisterService;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.registration.RejectUserService;
import dev.gatehouse.core.service.registration.RevokeInviteService;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import java.time.Duration;
import java.util.Optional;

/** Registration, invites and approval wired over a {@link CoreFixture}'s stores, in one mode. */
public final class RegistrationFixture {

    public static final String PASSWORD = "plum-tulip-ferry-42";
    public static final String ADMIN_EMAIL = "owner@example.org";

    public final CoreFixture core = new CoreFixture();
    public final InMemoryInviteStore invites = new InMemoryInviteStore();
    public final RegisterService register;
    public final CreateInviteService createInvite = new CreateInviteService(invites, core.tokens, SecureRandomSource.system(),
            core.audit, core.clock);
    public final ListInvitesService listInvites = new ListInvitesService(invites);
    public final RevokeInviteService revokeInvite = new RevokeInviteService(invites, core.audit, core.clock);
    public final ApproveUserService approveUser = new ApproveUserService(core.users, core.audit);
    public final RejectUserService rejectUser = new RejectUserService(core.users, core.sessions, core.identities,
            core.audit);

    public RegistrationFixture(RegistrationMode mode) {
        this(mode, SignInThrottle.off());
    }

    public RegistrationFixture(RegistrationMode mode, SignInThrottle throttle) {
        register = new RegisterService(core.users, core.sessions, invites, core.hasher, PasswordPolicy.defaults(),
                core.tokens, new RegistrationRules(mode, Optional.of(ADMIN_EMAIL)), throttle, core.audit, core.clock);
    }

    public Register.Result register(String name, String email, String code) {
        return register.register(new Register.Command(name, Password.of(PASSWORD), Optional.ofNullable(email),
                Optional.ofNullable(code), "192.0.2.9"));
    }

    public Register.Registered registered(String name, String email, String code) {
        Register.Result result = register(name, email, code);
        if (result instanceof Register.Registered ok) {
            return ok;
        }
        throw new AssertionError("could not register " + name + ": " + result);
    }

    /** A new invite made by the operator; its code. */
    public CreateInvite.Created invite(String email, int uses, Duration lifetime) {
        CreateInvite.Result result = createInvite.create(new CreateInvite.Command(Actor.operator(),
                Optional.ofNullable(email), Optional.of(uses), Optional.of(lifetime)));
        if (result instanceof CreateInvite.Created created) {
            return created;
        }
        throw new AssertionError("could not create an invite: " + result);
    }

    public String code() {
        return invite(null, 1, CreateInvite.DEFAULT_LIFETIME).code();
    }
}

package dev.gatehouse.http.wiring;

import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.registration.ApproveUserService;
import dev.gatehouse.core.service.registration.CreateInviteService;
import dev.gatehouse.core.service.registration.ListInvitesService;
import dev.gatehouse.core.service.registration.RegisterService;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.registration.RejectUserService;
import dev.gatehouse.core.service.registration.RevokeInviteService;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.http.config.ServerSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The registration, invite and approval use cases, built over the server's stores like {@link CoreFactory}'s. */
@Factory
class RegistrationFactory {

    @Singleton
    Register register(Stores stores, PasswordHasher hasher, PasswordPolicy policy, TokenDigests tokens,
                      ServerSettings settings, AuditTrail audit, Clock clock) {
        return new RegisterService(stores.users(), stores.sessions(), stores.invites(), hasher, policy, tokens,
                settings.registration(), RegistrationRules.throttle(clock), audit, clock);
    }

    @Singleton
    CreateInvite createInvite(Stores stores, TokenDigests tokens, AuditTrail audit, Clock clock) {
        return new CreateInviteService(stores.invites(), tokens, SecureRandomSource.system(), audit, clock);
    }

    @Singleton
    ListInvites listInvites(Stores stores) {
        return new ListInvitesService(stores.invites());
    }

    @Singleton
    RevokeInvite revokeInvite(Stores stores, AuditTrail audit, Clock clock) {
        return new RevokeInviteService(stores.invites(), audit, clock);
    }

    @Singleton
    ApproveUser approveUser(Stores stores, AuditTrail audit) {
        return new ApproveUserService(stores.users(), audit);
    }

    @Singleton
    RejectUser rejectUser(Stores stores, AuditTrail audit) {
        return new RejectUserService(stores.users(), stores.sessions(), audit);
    }
}

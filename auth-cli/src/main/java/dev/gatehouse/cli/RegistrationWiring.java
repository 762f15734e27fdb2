package dev.gatehouse.cli;

import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.ApproveUserService;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.CreateInviteService;
import dev.gatehouse.core.service.ListInvitesService;
import dev.gatehouse.core.service.RejectUserService;
import dev.gatehouse.core.service.RevokeInviteService;
import dev.gatehouse.core.service.TokenDigests;
import java.time.Clock;

/** The invite and approval use cases over one set of stores, for the CLI's invite and approval commands. */
record RegistrationWiring(CreateInvite createInvite, ListInvites listInvites, RevokeInvite revokeInvite,
                          ApproveUser approveUser, RejectUser rejectUser) {

    static RegistrationWiring over(Stores stores, Clock clock) {
        AuditTrail audit = new AuditTrail(stores.audit(), clock);
        SecureRandomSource random = SecureRandomSource.system();
        return new RegistrationWiring(
                new CreateInviteService(stores.invites(), new TokenDigests(random, stores.secrets()), random, audit, clock),
                new ListInvitesService(stores.invites()), new RevokeInviteService(stores.invites(), audit, clock),
                new ApproveUserService(stores.users(), audit), new RejectUserService(stores.users(), stores.sessions(), audit));
    }
}

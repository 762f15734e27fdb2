package dev.gatehouse.cli;

import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.AddUserService;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.ChangePasswordService;
import dev.gatehouse.core.service.ListUsersService;
import dev.gatehouse.core.service.LockUserService;
import dev.gatehouse.core.service.PasswordPolicy;
import dev.gatehouse.core.service.RemoveUserService;
import dev.gatehouse.core.service.UnlockUserService;
import java.time.Clock;

/**
 * The CLI's only wiring: core's use cases built with {@code new} over one set of stores. No
 * framework, so {@code gatehouse} starts in a fraction of a second. Closing it closes the stores.
 */
public final class CliWiring implements AutoCloseable {

    private final Stores stores;
    private final AddUser addUser;
    private final RemoveUser removeUser;
    private final ListUsers listUsers;
    private final LockUser lockUser;
    private final UnlockUser unlockUser;
    private final ChangePassword changePassword;

    public CliWiring(Stores stores, PasswordHasher hasher, Clock clock) {
        this.stores = stores;
        AuditTrail audit = new AuditTrail(stores.audit(), clock);
        PasswordPolicy policy = PasswordPolicy.defaults();
        this.addUser = new AddUserService(stores.users(), stores.sessions(), hasher, policy, audit, clock);
        this.removeUser = new RemoveUserService(stores.users(), stores.sessions(), stores.avatars(), stores.apiKeys(),
                audit, clock);
        this.listUsers = new ListUsersService(stores.users());
        this.lockUser = new LockUserService(stores.users(), stores.sessions(), audit, clock);
        this.unlockUser = new UnlockUserService(stores.users(), audit);
        this.changePassword = new ChangePasswordService(stores.users(), stores.sessions(), hasher, policy, audit);
    }

    public AddUser addUser() {
        return addUser;
    }

    public RemoveUser removeUser() {
        return removeUser;
    }

    public ListUsers listUsers() {
        return listUsers;
    }

    public LockUser lockUser() {
        return lockUser;
    }

    public UnlockUser unlockUser() {
        return unlockUser;
    }

    public ChangePassword changePassword() {
        return changePassword;
    }

    @Override
    public void close() {
        stores.close();
    }
}

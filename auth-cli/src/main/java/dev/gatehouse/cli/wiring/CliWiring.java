package dev.gatehouse.cli.wiring;

import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.ImportApiKeys;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.core.port.in.SetPermissions;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.ChangePasswordService;
import dev.gatehouse.core.service.accounts.ChangeRoleService;
import dev.gatehouse.core.service.accounts.ListUsersService;
import dev.gatehouse.core.service.accounts.LockUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.accounts.RemoveUserService;
import dev.gatehouse.core.service.accounts.UnlockUserService;
import dev.gatehouse.core.service.apikeys.ImportApiKeysService;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.ListApiKeysService;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.apikeys.RenameApiKeyService;
import dev.gatehouse.core.service.apikeys.RevokeApiKeysService;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.audit.ReadAuditLogService;
import dev.gatehouse.core.service.registration.ApproveUserService;
import dev.gatehouse.core.service.registration.CreateInviteService;
import dev.gatehouse.core.service.registration.ListInvitesService;
import dev.gatehouse.core.service.registration.RejectUserService;
import dev.gatehouse.core.service.registration.RevokeInviteService;
import dev.gatehouse.core.service.rights.ReadPermissionsService;
import dev.gatehouse.core.service.rights.SetPermissionsService;
import dev.gatehouse.core.service.support.TokenDigests;
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
    private final ChangeRole changeRole;
    private final ChangePassword changePassword;
    private final MintApiKey mintApiKey;
    private final ListApiKeys listApiKeys;
    private final RenameApiKey renameApiKey;
    private final RevokeApiKeys revokeApiKeys;
    private final ImportApiKeys importApiKeys;
    private final ReadAuditLog readAuditLog;
    private final AuditTrail audit;
    private final Clock clock;

    /** The use cases over {@code stores}, without static keys from configuration, keys living a year by default. */
    public CliWiring(Stores stores, PasswordHasher hasher, Clock clock) {
        this(stores, hasher, clock, StaticKeys.none(), KeyPolicy.defaults());
    }

    /**
     * The use cases over {@code stores}; key listings include {@code staticKeys} as legacy keys,
     * and new keys live as {@code keyPolicy} says unless their maker asks otherwise.
     */
    public CliWiring(Stores stores, PasswordHasher hasher, Clock clock, StaticKeys staticKeys, KeyPolicy keyPolicy) {
        this.stores = stores;
        this.clock = clock;
        AuditTrail audit = new AuditTrail(stores.audit(), clock);
        PasswordPolicy policy = PasswordPolicy.defaults();
        this.addUser = new AddUserService(stores.users(), stores.sessions(), hasher, policy, audit, clock);
        this.removeUser = new RemoveUserService(stores.users(), stores.sessions(), stores.avatars(), stores.apiKeys(),
                stores.permissions(), audit, clock);
        this.audit = audit;
        this.listUsers = new ListUsersService(stores.users());
        this.lockUser = new LockUserService(stores.users(), stores.sessions(), audit, clock);
        this.unlockUser = new UnlockUserService(stores.users(), audit);
        this.changeRole = new ChangeRoleService(stores.users(), audit);
        this.changePassword = new ChangePasswordService(stores.users(), stores.sessions(), hasher, policy, audit);
        SecureRandomSource random = SecureRandomSource.system();
        this.mintApiKey = new MintApiKeyService(stores.users(), stores.apiKeys(),
                new TokenDigests(random, stores.secrets()), random, keyPolicy, audit, clock);
        this.listApiKeys = new ListApiKeysService(stores.apiKeys(), staticKeys.listed());
        this.renameApiKey = new RenameApiKeyService(stores.apiKeys(), audit);
        this.revokeApiKeys = new RevokeApiKeysService(stores.apiKeys(), audit, clock);
        this.importApiKeys = new ImportApiKeysService(stores.users(), stores.apiKeys(),
                new TokenDigests(random, stores.secrets()), random, audit);
        this.readAuditLog = new ReadAuditLogService(stores.audit());
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

    public ChangeRole changeRole() {
        return changeRole;
    }

    public ChangePassword changePassword() {
        return changePassword;
    }

    public MintApiKey mintApiKey() {
        return mintApiKey;
    }

    public ListApiKeys listApiKeys() {
        return listApiKeys;
    }

    public RenameApiKey renameApiKey() {
        return renameApiKey;
    }

    public RevokeApiKeys revokeApiKeys() {
        return revokeApiKeys;
    }

    public ImportApiKeys importApiKeys() {
        return importApiKeys;
    }

    public ReadAuditLog readAuditLog() {
        return readAuditLog;
    }

    /** Changing users' permissions against the operator's {@code catalog} of features. */
    public SetPermissions setPermissions(FeatureCatalog catalog) {
        return new SetPermissionsService(stores.users(), stores.permissions(), catalog, audit);
    }

    /** Reading users' rights against the operator's {@code catalog} of features. */
    public ReadPermissions readPermissions(FeatureCatalog catalog) {
        return new ReadPermissionsService(stores.users(), stores.permissions(), catalog);
    }

    /** Making invites: their codes are shown once and kept as digests. */
    public CreateInvite createInvite() {
        SecureRandomSource random = SecureRandomSource.system();
        return new CreateInviteService(stores.invites(), new TokenDigests(random, stores.secrets()), random, audit, clock);
    }

    public ListInvites listInvites() {
        return new ListInvitesService(stores.invites());
    }

    public RevokeInvite revokeInvite() {
        return new RevokeInviteService(stores.invites(), audit, clock);
    }

    public ApproveUser approveUser() {
        return new ApproveUserService(stores.users(), audit);
    }

    public RejectUser rejectUser() {
        return new RejectUserService(stores.users(), stores.sessions(), audit);
    }

    @Override
    public void close() {
        stores.close();
    }
}

package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.ChangeAvatarService;
import dev.gatehouse.core.service.accounts.ChangePasswordService;
import dev.gatehouse.core.service.accounts.ListUsersService;
import dev.gatehouse.core.service.accounts.LockUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.accounts.RemoveUserService;
import dev.gatehouse.core.service.accounts.UnlockUserService;
import dev.gatehouse.core.service.apikeys.IdentifyCallerService;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.apikeys.RenameApiKeyService;
import dev.gatehouse.core.service.apikeys.RevokeApiKeysService;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.ImpersonateService;
import dev.gatehouse.core.service.sessions.ManageSessionsService;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.sessions.SignOutService;
import dev.gatehouse.core.service.sessions.ValidateSessionService;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Every core service wired on in-memory stores, a fast hasher and a clock tests can move. */
public final class CoreFixture {

    public final InMemoryUserStore users = new InMemoryUserStore();
    public final InMemorySessionStore sessions = new InMemorySessionStore();
    public final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    public final InMemoryAvatarStore avatars = new InMemoryAvatarStore();
    public final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();
    public final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    public final InMemoryIdentityLinkStore identities = new InMemoryIdentityLinkStore();
    public final FastTestHasher hasher = new FastTestHasher();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    public final SessionPolicy sessionPolicy = SessionPolicy.defaults();
    public final TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore());
    public final AuditTrail audit = new AuditTrail(auditLog, clock);

    public final AddUserService addUser = new AddUserService(users, sessions, hasher, PasswordPolicy.defaults(), audit, clock);
    public final RemoveUserService removeUser = new RemoveUserService(users, sessions, avatars, apiKeys, permissions,
            identities, audit, clock);
    public final LockUserService lockUser = new LockUserService(users, sessions, audit, clock);
    public final UnlockUserService unlockUser = new UnlockUserService(users, audit);
    public final ChangePasswordService changePassword = new ChangePasswordService(users, sessions, hasher,
            PasswordPolicy.defaults(), audit);
    public final ListUsersService listUsers = new ListUsersService(users);
    public final SignInService signIn = new SignInService(users, sessions, hasher, tokens, sessionPolicy, audit, clock);
    public final SignOutService signOut = new SignOutService(sessions, tokens, audit);
    public final ValidateSessionService validateSession = new ValidateSessionService(sessions, users, tokens, sessionPolicy, clock,
            audit);
    public final ChangeAvatarService changeAvatar = new ChangeAvatarService(users, avatars, audit, clock);
    public final ManageSessionsService manageSessions = new ManageSessionsService(sessions, sessionPolicy, audit, clock);

    public final ImpersonateService impersonate = new ImpersonateService(users, sessions, tokens,
            ImpersonateService.DEFAULT_LIMIT, audit, clock);

    public final CountingApiKeyStore countedKeys = new CountingApiKeyStore(apiKeys);
    public final LastUsedRecorder lastUsed = new LastUsedRecorder(countedKeys);
    public final MintApiKeyService mintApiKey = new MintApiKeyService(users, apiKeys, tokens, SecureRandomSource.system(),
            KeyPolicy.defaults(), audit, clock);
    public final RenameApiKeyService renameApiKey = new RenameApiKeyService(apiKeys, audit);
    public final RevokeApiKeysService revokeApiKeys = new RevokeApiKeysService(apiKeys, audit, clock);
    public final IdentifyCallerService identifyCaller = identifyCaller(StaticKeys.none());

    /** Identification with these static keys, counting its store calls in {@link #countedKeys}. */
    public IdentifyCallerService identifyCaller(StaticKeys staticKeys) {
        return new IdentifyCallerService(countedKeys, users, tokens, staticKeys, validateSession, lastUsed, clock);
    }

    /** Mints a key as the operator and returns it with its secret. */
    public MintApiKey.Minted mint(String owner, Set<String> scopes) {
        MintApiKey.Result result = mintApiKey.mint(new MintApiKey.Command(Actor.operator(), Optional.of(Username.of(owner)),
                Optional.empty(), Optional.empty(), scopes));
        if (result instanceof MintApiKey.Minted minted) {
            return minted;
        }
        throw new AssertionError("could not mint a key for " + owner + ": " + result);
    }

    /** Adds a user as the operator and returns it. */
    public User add(String name, String password, boolean admin) {
        AddUser.Result result = addUser.add(new AddUser.Command(Actor.operator(), Username.of(name),
                Password.of(password), admin));
        if (result instanceof AddUser.Created created) {
            return created.user();
        }
        throw new AssertionError("could not add " + name + ": " + result);
    }

    /** Signs in and returns the result. */
    public SignIn.Result signIn(String name, String password) {
        return signIn.signIn(new SignIn.Command(name, Password.of(password), "192.0.2.1", "test"));
    }

    /** Signs in, expecting success, and returns the session token. */
    public SignIn.SignedIn signedIn(String name, String password) {
        SignIn.Result result = signIn(name, password);
        if (result instanceof SignIn.SignedIn ok) {
            return ok;
        }
        throw new AssertionError("sign-in of " + name + " failed: " + result);
    }

    public Actor actorFor(String name) {
        return Actor.user(users.find(Username.of(name)).orElseThrow(), "192.0.2.1");
    }
}

package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryApiKeyStore;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemoryAvatarStore;
import dev.gatehouse.core.testing.InMemoryPermissionStore;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import dev.gatehouse.core.testing.MutableClock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Every core service wired on in-memory stores, a fast hasher and a clock tests can move. */
final class CoreFixture {

    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final InMemoryAvatarStore avatars = new InMemoryAvatarStore();
    final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();
    final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    final FastTestHasher hasher = new FastTestHasher();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    final SessionPolicy sessionPolicy = SessionPolicy.defaults();
    final TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore());
    final AuditTrail audit = new AuditTrail(auditLog, clock);

    final AddUserService addUser = new AddUserService(users, sessions, hasher, PasswordPolicy.defaults(), audit, clock);
    final RemoveUserService removeUser = new RemoveUserService(users, sessions, avatars, apiKeys, permissions,
            audit, clock);
    final LockUserService lockUser = new LockUserService(users, sessions, audit, clock);
    final UnlockUserService unlockUser = new UnlockUserService(users, audit);
    final ChangePasswordService changePassword = new ChangePasswordService(users, sessions, hasher,
            PasswordPolicy.defaults(), audit);
    final ListUsersService listUsers = new ListUsersService(users);
    final SignInService signIn = new SignInService(users, sessions, hasher, tokens, sessionPolicy, audit, clock);
    final SignOutService signOut = new SignOutService(sessions, tokens, audit);
    final ValidateSessionService validateSession = new ValidateSessionService(sessions, users, tokens, sessionPolicy, clock,
            audit);
    final ChangeAvatarService changeAvatar = new ChangeAvatarService(users, avatars, audit, clock);
    final ManageSessionsService manageSessions = new ManageSessionsService(sessions, sessionPolicy, audit, clock);

    final ImpersonateService impersonate = new ImpersonateService(users, sessions, tokens,
            ImpersonateService.DEFAULT_LIMIT, audit, clock);

    final CountingApiKeyStore countedKeys = new CountingApiKeyStore(apiKeys);
    final LastUsedRecorder lastUsed = new LastUsedRecorder(countedKeys);
    final MintApiKeyService mintApiKey = new MintApiKeyService(users, apiKeys, tokens, SecureRandomSource.system(),
            KeyPolicy.defaults(), audit, clock);
    final RenameApiKeyService renameApiKey = new RenameApiKeyService(apiKeys, audit);
    final RevokeApiKeysService revokeApiKeys = new RevokeApiKeysService(apiKeys, audit, clock);
    final IdentifyCallerService identifyCaller = identifyCaller(StaticKeys.none());

    /** Identification with these static keys, counting its store calls in {@link #countedKeys}. */
    IdentifyCallerService identifyCaller(StaticKeys staticKeys) {
        return new IdentifyCallerService(countedKeys, users, tokens, staticKeys, validateSession, lastUsed, clock);
    }

    /** Mints a key as the operator and returns it with its secret. */
    MintApiKey.Minted mint(String owner, Set<String> scopes) {
        MintApiKey.Result result = mintApiKey.mint(new MintApiKey.Command(Actor.operator(), Optional.of(Username.of(owner)),
                Optional.empty(), Optional.empty(), scopes));
        if (result instanceof MintApiKey.Minted minted) {
            return minted;
        }
        throw new AssertionError("could not mint a key for " + owner + ": " + result);
    }

    /** Adds a user as the operator and returns it. */
    User add(String name, String password, boolean admin) {
        AddUser.Result result = addUser.add(new AddUser.Command(Actor.operator(), Username.of(name),
                Password.of(password), admin));
        if (result instanceof AddUser.Created created) {
            return created.user();
        }
        throw new AssertionError("could not add " + name + ": " + result);
    }

    /** Signs in and returns the result. */
    SignIn.Result signIn(String name, String password) {
        return signIn.signIn(new SignIn.Command(name, Password.of(password), "192.0.2.1", "test"));
    }

    /** Signs in, expecting success, and returns the session token. */
    SignIn.SignedIn signedIn(String name, String password) {
        SignIn.Result result = signIn(name, password);
        if (result instanceof SignIn.SignedIn ok) {
            return ok;
        }
        throw new AssertionError("sign-in of " + name + " failed: " + result);
    }

    Actor actorFor(String name) {
        return Actor.user(users.find(Username.of(name)).orElseThrow(), "192.0.2.1");
    }
}

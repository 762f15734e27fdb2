package dev.gatehouse.http.wiring;

import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ChangeAvatar;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.in.SignOut;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.ChangeAvatarService;
import dev.gatehouse.core.service.accounts.ChangePasswordService;
import dev.gatehouse.core.service.accounts.ChangeRoleService;
import dev.gatehouse.core.service.accounts.ListUsersService;
import dev.gatehouse.core.service.accounts.LockUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.accounts.RemoveUserService;
import dev.gatehouse.core.service.accounts.SetUpService;
import dev.gatehouse.core.service.accounts.SetupCode;
import dev.gatehouse.core.service.accounts.UnlockUserService;
import dev.gatehouse.core.service.apikeys.IdentifyCallerService;
import dev.gatehouse.core.service.apikeys.KeyGuessThrottle;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.ListApiKeysService;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.apikeys.RenameApiKeyService;
import dev.gatehouse.core.service.apikeys.RevokeApiKeysService;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.ManageSessionsService;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.sessions.SignOutService;
import dev.gatehouse.core.service.sessions.ValidateSessionService;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.forwardauth.AccessRules;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import dev.gatehouse.store.json.JsonStores;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The server's only wiring: one set of stores, opened from the configured URL and closed on
 * shutdown, and core's use cases built over it with {@code new}. Core carries no bean
 * annotations; this is the one class that knows the store adapters.
 */
@Factory
public class CoreFactory {

    /** The stores named by the settings, unless the caller started the server with stores of its own. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = Stores.class)
    Stores stores(ServerSettings settings) {
        return open(settings.storeUrl(), System.getProperty("user.home"));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SessionPolicy sessionPolicy(ServerSettings settings) {
        SessionPolicy defaults = SessionPolicy.defaults();
        return new SessionPolicy(ServerSettings.SESSION_LIFETIME, settings.sessionIdle(), defaults.touchInterval());
    }

    @Singleton
    SignInThrottle signInThrottle(Clock clock) {
        return SignInThrottle.defaults(clock);
    }

    /** Wrong API keys per client address, in memory: bounds online guessing of static and imported keys. */
    @Singleton
    KeyGuessThrottle keyGuessThrottle(Clock clock) {
        return KeyGuessThrottle.defaults(clock);
    }

    /** Printed at start while the store has no users; lives only in this process. */
    @Singleton
    SetupCode setupCode() {
        return SetupCode.random(SecureRandomSource.system());
    }

    @Singleton
    SetUp setUp(Stores stores, PasswordHasher hasher, PasswordPolicy policy, SignIn signIn, AuditTrail audit,
                Clock clock, SetupCode code, SignInThrottle throttle) {
        return new SetUpService(stores.users(), hasher, policy, signIn, audit, clock, code, throttle);
    }

    @Singleton
    PasswordHasher passwordHasher() {
        return PasswordHashers.standard();
    }

    @Singleton
    TokenDigests tokenDigests(Stores stores) {
        return new TokenDigests(SecureRandomSource.system(), stores.secrets());
    }

    @Singleton
    AuditTrail auditTrail(Stores stores, Clock clock) {
        return new AuditTrail(stores.audit(), clock);
    }

    /**
     * Made at start ({@link GatehouseServer#start} asks for it), with its dummy hash, so the first
     * unknown-user sign-in costs what every other does. Not {@code @Context}: the JDBC store's
     * private Micronaut context sees this module's bean definitions too and would build it there.
     */
    @Singleton
    SignIn signIn(Stores stores, PasswordHasher hasher, TokenDigests tokens, SessionPolicy policy,
                  AuditTrail audit, Clock clock, SignInThrottle throttle) {
        SignInService signIn = new SignInService(stores.users(), stores.sessions(), hasher, tokens, policy, audit, clock,
                throttle);
        signIn.prepare();
        return signIn;
    }


    @Singleton
    SignOut signOut(Stores stores, TokenDigests tokens, AuditTrail audit) {
        return new SignOutService(stores.sessions(), tokens, audit);
    }

    @Singleton
    dev.gatehouse.core.port.in.Impersonate impersonate(Stores stores, TokenDigests tokens, ServerSettings settings,
                                                        AuditTrail audit, Clock clock) {
        return new dev.gatehouse.core.service.sessions.ImpersonateService(stores.users(), stores.sessions(), tokens,
                settings.impersonationLimit(), audit, clock);
    }

    @Singleton
    ValidateSession validateSession(Stores stores, TokenDigests tokens, SessionPolicy policy, Clock clock,
                                    AuditTrail audit) {
        return new ValidateSessionService(stores.sessions(), stores.users(), tokens, policy, clock, audit);
    }

    @Singleton
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.defaults();
    }

    @Singleton
    AddUser addUser(Stores stores, PasswordHasher hasher, PasswordPolicy policy, AuditTrail audit, Clock clock) {
        return new AddUserService(stores.users(), stores.sessions(), hasher, policy, audit, clock);
    }

    @Singleton
    RemoveUser removeUser(Stores stores, AuditTrail audit, Clock clock) {
        return new RemoveUserService(stores.users(), stores.sessions(), stores.avatars(), stores.apiKeys(),
                stores.permissions(), audit, clock);
    }

    @Singleton
    LockUser lockUser(Stores stores, AuditTrail audit, Clock clock) {
        return new LockUserService(stores.users(), stores.sessions(), audit, clock);
    }

    @Singleton
    UnlockUser unlockUser(Stores stores, AuditTrail audit) {
        return new UnlockUserService(stores.users(), audit);
    }

    @Singleton
    ChangeRole changeRole(Stores stores, AuditTrail audit) {
        return new ChangeRoleService(stores.users(), audit);
    }

    @Singleton
    ChangePassword changePassword(Stores stores, PasswordHasher hasher, PasswordPolicy policy, AuditTrail audit,
                                  SignInThrottle throttle) {
        return new ChangePasswordService(stores.users(), stores.sessions(), hasher, policy, audit, throttle);
    }

    @Singleton
    ChangeAvatar changeAvatar(Stores stores, AuditTrail audit, Clock clock) {
        return new ChangeAvatarService(stores.users(), stores.avatars(), audit, clock);
    }

    @Singleton
    dev.gatehouse.core.port.in.ReadAuditLog readAuditLog(Stores stores) {
        return new dev.gatehouse.core.service.audit.ReadAuditLogService(stores.audit());
    }

    @Singleton
    ListUsers listUsers(Stores stores) {
        return new ListUsersService(stores.users());
    }

    @Singleton
    ManageSessions manageSessions(Stores stores, SessionPolicy policy, AuditTrail audit, Clock clock) {
        return new ManageSessionsService(stores.sessions(), policy, audit, clock);
    }

    /** The keys of {@code GATEHOUSE_API_KEYS}, acting as the built-in administrator {@code apikey}, listed from start. */
    @Singleton
    StaticKeys staticKeys(ServerSettings settings, Clock clock) {
        return new StaticKeys(settings.apiKeys(), Optional.empty(), clock.instant());
    }

    @Singleton
    KeyPolicy keyPolicy(ServerSettings settings) {
        return new KeyPolicy(settings.keyLifetime());
    }

    /** Notes key use in memory; {@link KeyUseFlush} writes it every 30 seconds and at shutdown. */
    @Singleton
    LastUsedRecorder lastUsedRecorder(Stores stores) {
        return new LastUsedRecorder(stores.apiKeys());
    }

    @Singleton
    IdentifyCaller identifyCaller(Stores stores, TokenDigests tokens, StaticKeys staticKeys, ValidateSession sessions,
                                  LastUsedRecorder lastUsed, Clock clock) {
        return new IdentifyCallerService(stores.apiKeys(), stores.users(), tokens, staticKeys, sessions, lastUsed, clock);
    }

    @Singleton
    MintApiKey mintApiKey(Stores stores, TokenDigests tokens, KeyPolicy policy, AuditTrail audit, Clock clock) {
        return new MintApiKeyService(stores.users(), stores.apiKeys(), tokens, SecureRandomSource.system(), policy, audit,
                clock);
    }

    @Singleton
    ListApiKeys listApiKeys(Stores stores, StaticKeys staticKeys, LastUsedRecorder lastUsed) {
        return new ListApiKeysService(stores.apiKeys(), staticKeys.listed(), java.util.Optional.of(lastUsed));
    }

    @Singleton
    RenameApiKey renameApiKey(Stores stores, AuditTrail audit) {
        return new RenameApiKeyService(stores.apiKeys(), audit);
    }

    @Singleton
    RevokeApiKeys revokeApiKeys(Stores stores, AuditTrail audit, Clock clock) {
        return new RevokeApiKeysService(stores.apiKeys(), audit, clock);
    }

    /** The operator's features and route table from the environment, unless the server was started with its own. */
    @Singleton
    @Requires(missingBeans = AccessRules.class)
    AccessRules accessRules() {
        return AccessRules.fromEnvironment(System.getenv());
    }

    @Singleton
    dev.gatehouse.core.port.in.Authorize authorize(Stores stores, AccessRules rules) {
        return new dev.gatehouse.core.service.rights.AuthorizeService(stores.permissions(), rules.catalog());
    }

    @Singleton
    dev.gatehouse.core.port.in.SetPermissions setPermissions(Stores stores, AccessRules rules, AuditTrail audit) {
        return new dev.gatehouse.core.service.rights.SetPermissionsService(stores.users(), stores.permissions(),
                rules.catalog(), audit);
    }

    @Singleton
    dev.gatehouse.core.port.in.ReadPermissions readPermissions(Stores stores, AccessRules rules) {
        return new dev.gatehouse.core.service.rights.ReadPermissionsService(stores.users(), stores.permissions(),
                rules.catalog());
    }

    /** {@code json:DIR} or any URL the JDBC store reads; a leading {@code ~} means the home directory. */
    public static Stores open(String url, String userHome) {
        String expanded = url.strip().replaceFirst("^(json|sqlite):~(?=/|$)", "$1:" + Matcher.quoteReplacement(userHome));
        if (expanded.startsWith("json:")) {
            return JsonStores.open(Path.of(expanded.substring("json:".length())).toAbsolutePath());
        }
        return JdbcStores.open(JdbcSettings.parse(expanded));
    }
}

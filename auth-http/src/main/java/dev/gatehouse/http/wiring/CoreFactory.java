package dev.gatehouse.http.wiring;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.core.port.in.ChangeAvatar;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.DisconnectIdentity;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.Impersonate;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.ListIdentityLinks;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.core.port.in.SetPermissions;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.in.SignOut;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.accounts.SetupCode;
import dev.gatehouse.core.service.apikeys.KeyGuessThrottle;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.forwardauth.AccessRules;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The server's only wiring: one set of stores, opened from the configured URL ({@link StoreUrl})
 * and closed on shutdown, and core's {@link UseCases} over it, its parts offered as beans so controllers and
 * filters ask for the one use case they need. Core carries no bean annotations; this package is
 * the only one that knows the store adapters.
 */
@Factory
public class CoreFactory {

    /** The stores named by the settings, unless the caller started the server with stores of its own. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = Stores.class)
    Stores stores(ServerSettings settings) {
        return StoreUrl.parse(settings.storeUrl(), System.getProperty("user.home")).open();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PasswordHasher passwordHasher() {
        return PasswordHashers.standard();
    }

    /** The operator's features and route table from the environment, unless the server was started with its own. */
    @Singleton
    @Requires(missingBeans = AccessRules.class)
    AccessRules accessRules() {
        return AccessRules.fromEnvironment(System.getenv());
    }

    /** What the server's settings tell core: sessions, key lifetime, static keys, registration, features. */
    @Singleton
    UseCases.Settings coreSettings(ServerSettings settings, AccessRules rules, Clock clock,
                                   dev.gatehouse.oauth.config.ProvidersConfig providers) {
        return UseCases.Settings.defaults()
                .withSessions(new SessionPolicy(ServerSettings.SESSION_LIFETIME, settings.sessionIdle(),
                        SessionPolicy.defaults().touchInterval()))
                .withKeys(new KeyPolicy(settings.keyLifetime()))
                .withStaticKeys(new StaticKeys(settings.apiKeys(), Optional.empty(), clock.instant()))
                .withRegistration(settings.registration())
                .withImpersonationLimit(settings.impersonationLimit())
                .withFeatures(rules.catalog())
                .withProviders(ProvidersFactory.providerRules(settings.signIn(), providers));
    }

    /**
     * Every use case, for the whole run. Made at start ({@code GatehouseServer} asks for
     * {@link SignIn}), with its dummy hash, so the first unknown-user sign-in costs what every
     * other does.
     */
    @Singleton
    UseCases useCases(Stores stores, PasswordHasher hasher, Clock clock, UseCases.Settings settings) {
        UseCases useCases = new UseCases(stores, hasher, clock, settings);
        useCases.prepare();
        return useCases;
    }

    // The shared helpers and settings, for the parts of the server that work beside the use cases.

    @Singleton
    SessionPolicy sessionPolicy(UseCases useCases) {
        return useCases.settings().sessions();
    }

    @Singleton
    PasswordPolicy passwordPolicy(UseCases useCases) {
        return useCases.settings().passwords();
    }

    @Singleton
    KeyPolicy keyPolicy(UseCases useCases) {
        return useCases.settings().keys();
    }

    /** The keys of {@code GATEHOUSE_API_KEYS}, acting as the built-in administrator {@code apikey}, listed from start. */
    @Singleton
    StaticKeys staticKeys(UseCases useCases) {
        return useCases.settings().staticKeys();
    }

    @Singleton
    SignInThrottle signInThrottle(UseCases useCases) {
        return useCases.signInThrottle();
    }

    @Singleton
    KeyGuessThrottle keyGuessThrottle(UseCases useCases) {
        return useCases.keyGuessThrottle();
    }

    /** Printed at start while the store has no users; lives only in this process. */
    @Singleton
    SetupCode setupCode(UseCases useCases) {
        return useCases.setupCode();
    }

    @Singleton
    TokenDigests tokenDigests(UseCases useCases) {
        return useCases.tokenDigests();
    }

    @Singleton
    AuditTrail auditTrail(UseCases useCases) {
        return useCases.auditTrail();
    }

    /** Notes key use in memory; {@link KeyUseFlush} writes it every 30 seconds and at shutdown. */
    @Singleton
    LastUsedRecorder lastUsedRecorder(UseCases useCases) {
        return useCases.lastUsedRecorder();
    }

    // Sessions

    @Singleton
    SignIn signIn(UseCases useCases) {
        return useCases.signIn();
    }

    @Singleton
    SignOut signOut(UseCases useCases) {
        return useCases.signOut();
    }

    @Singleton
    ValidateSession validateSession(UseCases useCases) {
        return useCases.validateSession();
    }

    @Singleton
    ManageSessions manageSessions(UseCases useCases) {
        return useCases.manageSessions();
    }

    @Singleton
    Impersonate impersonate(UseCases useCases) {
        return useCases.impersonate();
    }

    // Accounts

    @Singleton
    SetUp setUp(UseCases useCases) {
        return useCases.setUp();
    }

    @Singleton
    AddUser addUser(UseCases useCases) {
        return useCases.addUser();
    }

    @Singleton
    RemoveUser removeUser(UseCases useCases) {
        return useCases.removeUser();
    }

    @Singleton
    ListUsers listUsers(UseCases useCases) {
        return useCases.listUsers();
    }

    @Singleton
    LockUser lockUser(UseCases useCases) {
        return useCases.lockUser();
    }

    @Singleton
    UnlockUser unlockUser(UseCases useCases) {
        return useCases.unlockUser();
    }

    @Singleton
    ChangeRole changeRole(UseCases useCases) {
        return useCases.changeRole();
    }

    @Singleton
    ChangePassword changePassword(UseCases useCases) {
        return useCases.changePassword();
    }

    @Singleton
    ChangeAvatar changeAvatar(UseCases useCases) {
        return useCases.changeAvatar();
    }

    // API keys

    @Singleton
    IdentifyCaller identifyCaller(UseCases useCases) {
        return useCases.identifyCaller();
    }

    @Singleton
    MintApiKey mintApiKey(UseCases useCases) {
        return useCases.mintApiKey();
    }

    @Singleton
    ListApiKeys listApiKeys(UseCases useCases) {
        return useCases.listApiKeys();
    }

    @Singleton
    RenameApiKey renameApiKey(UseCases useCases) {
        return useCases.renameApiKey();
    }

    @Singleton
    RevokeApiKeys revokeApiKeys(UseCases useCases) {
        return useCases.revokeApiKeys();
    }

    // Rights

    @Singleton
    Authorize authorize(UseCases useCases) {
        return useCases.authorize();
    }

    @Singleton
    SetPermissions setPermissions(UseCases useCases) {
        return useCases.setPermissions();
    }

    @Singleton
    ReadPermissions readPermissions(UseCases useCases) {
        return useCases.readPermissions();
    }

    // Registration

    @Singleton
    Register register(UseCases useCases) {
        return useCases.register();
    }

    @Singleton
    CreateInvite createInvite(UseCases useCases) {
        return useCases.createInvite();
    }

    @Singleton
    ListInvites listInvites(UseCases useCases) {
        return useCases.listInvites();
    }

    @Singleton
    RevokeInvite revokeInvite(UseCases useCases) {
        return useCases.revokeInvite();
    }

    @Singleton
    ApproveUser approveUser(UseCases useCases) {
        return useCases.approveUser();
    }

    @Singleton
    RejectUser rejectUser(UseCases useCases) {
        return useCases.rejectUser();
    }

    // Identities at providers

    @Singleton
    SignInWithProvider signInWithProvider(UseCases useCases) {
        return useCases.signInWithProvider();
    }

    @Singleton
    ListSignInMethods listSignInMethods(UseCases useCases) {
        return useCases.listSignInMethods();
    }

    @Singleton
    DisconnectIdentity disconnectIdentity(UseCases useCases) {
        return useCases.disconnectIdentity();
    }

    @Singleton
    ListIdentityLinks listIdentityLinks(UseCases useCases) {
        return useCases.listIdentityLinks();
    }

    // Audit

    @Singleton
    ReadAuditLog readAuditLog(UseCases useCases) {
        return useCases.readAuditLog();
    }
}

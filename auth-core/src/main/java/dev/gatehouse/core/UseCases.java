package dev.gatehouse.core;

import dev.gatehouse.core.model.rights.FeatureCatalog;
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
import dev.gatehouse.core.port.in.ImportApiKeys;
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
import dev.gatehouse.core.port.out.IdentityLinkStore;
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
import dev.gatehouse.core.service.apikeys.ImportApiKeysService;
import dev.gatehouse.core.service.apikeys.KeyGuessThrottle;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.ListApiKeysService;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.apikeys.RenameApiKeyService;
import dev.gatehouse.core.service.apikeys.RevokeApiKeysService;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.audit.ReadAuditLogService;
import dev.gatehouse.core.service.identities.DisconnectIdentityService;
import dev.gatehouse.core.service.identities.ListIdentityLinksService;
import dev.gatehouse.core.service.identities.ListSignInMethodsService;
import dev.gatehouse.core.service.identities.ProviderSettings;
import dev.gatehouse.core.service.identities.SignInWithProviderService;
import dev.gatehouse.core.service.registration.ApproveUserService;
import dev.gatehouse.core.service.registration.CreateInviteService;
import dev.gatehouse.core.service.registration.ListInvitesService;
import dev.gatehouse.core.service.registration.RegisterService;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.registration.RejectUserService;
import dev.gatehouse.core.service.registration.RevokeInviteService;
import dev.gatehouse.core.service.rights.AuthorizeService;
import dev.gatehouse.core.service.rights.ReadPermissionsService;
import dev.gatehouse.core.service.rights.SetPermissionsService;
import dev.gatehouse.core.service.sessions.ImpersonateService;
import dev.gatehouse.core.service.sessions.ManageSessionsService;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.sessions.SignOutService;
import dev.gatehouse.core.service.sessions.ValidateSessionService;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every use case of Gatehouse, built with {@code new} over one set of stores, a password hasher,
 * a clock and {@link Settings}. The one place that knows which service needs what: the server's
 * factory, the CLI, the benchmarks and library users all start here.
 *
 * <p>The helpers the use cases share are made once: one {@link TokenDigests} (one key for every
 * digest), one {@link AuditTrail}, one {@link LastUsedRecorder} (so a key listing shows uses
 * noted a moment ago), one {@link SignInThrottle} for sign-in, set-up and password changes. They
 * live as long as this object: a server keeps one for its whole run, a CLI command one per run.
 * Building is cheap (no store is read, nothing is hashed) until {@link #prepare()}.
 *
 * <pre>{@code
 * UseCases gatehouse = new UseCases(stores, PasswordHashers.standard(), Clock.systemUTC(), UseCases.Settings.defaults());
 * gatehouse.addUser().add(...);
 * }</pre>
 */
public final class UseCases {

    /**
     * What the use cases are told besides the stores: how long sessions and new keys live, which
     * passwords are acceptable, the static keys from configuration, who may register, how long an
     * administrator may act as a user, the operator's features, whether failed attempts slow
     * down (on in anything that faces a network; a test may turn it off), and the rules for signing
     * in through providers.
     */
    public record Settings(SessionPolicy sessions, PasswordPolicy passwords, KeyPolicy keys, StaticKeys staticKeys,
                           RegistrationRules registration, Duration impersonationLimit, FeatureCatalog features,
                           boolean throttled, ProviderSettings providers) {

        public Settings {
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(passwords, "passwords");
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(staticKeys, "staticKeys");
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(impersonationLimit, "impersonationLimit");
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(providers, "providers");
        }

        /** The settings before providers had any: no linking by email, nothing mapped. */
        public Settings(SessionPolicy sessions, PasswordPolicy passwords, KeyPolicy keys, StaticKeys staticKeys,
                        RegistrationRules registration, Duration impersonationLimit, FeatureCatalog features,
                        boolean throttled) {
            this(sessions, passwords, keys, staticKeys, registration, impersonationLimit, features, throttled,
                    ProviderSettings.none());
        }

        /**
         * Sessions for 30 days (7 idle), keys for a year, the standard password policy, no static
         * keys, registration closed, impersonation for 30 minutes, LocalAI's features, throttled.
         */
        public static Settings defaults() {
            return new Settings(SessionPolicy.defaults(), PasswordPolicy.defaults(), KeyPolicy.defaults(),
                    StaticKeys.none(), RegistrationRules.closed(), ImpersonateService.DEFAULT_LIMIT,
                    FeatureCatalog.localAi(), true);
        }

        public Settings withSessions(SessionPolicy policy) {
            return new Settings(policy, passwords, keys, staticKeys, registration, impersonationLimit, features,
                    throttled, providers);
        }

        public Settings withPasswords(PasswordPolicy policy) {
            return new Settings(sessions, policy, keys, staticKeys, registration, impersonationLimit, features,
                    throttled, providers);
        }

        public Settings withKeys(KeyPolicy policy) {
            return new Settings(sessions, passwords, policy, staticKeys, registration, impersonationLimit, features,
                    throttled, providers);
        }

        public Settings withStaticKeys(StaticKeys configured) {
            return new Settings(sessions, passwords, keys, configured, registration, impersonationLimit, features,
                    throttled, providers);
        }

        public Settings withRegistration(RegistrationRules rules) {
            return new Settings(sessions, passwords, keys, staticKeys, rules, impersonationLimit, features,
                    throttled, providers);
        }

        public Settings withImpersonationLimit(Duration limit) {
            return new Settings(sessions, passwords, keys, staticKeys, registration, limit, features,
                    throttled, providers);
        }

        public Settings withFeatures(FeatureCatalog catalog) {
            return new Settings(sessions, passwords, keys, staticKeys, registration, impersonationLimit, catalog,
                    throttled, providers);
        }

        /** The same settings with these rules for signing in through providers. */
        public Settings withProviders(ProviderSettings rules) {
            return new Settings(sessions, passwords, keys, staticKeys, registration, impersonationLimit, features,
                    throttled, rules);
        }

        /** The same settings with failed attempts never slowed down: for tests that fail on purpose, many times. */
        public Settings unthrottled() {
            return new Settings(sessions, passwords, keys, staticKeys, registration, impersonationLimit, features,
                    false, providers);
        }
    }

    private final Settings settings;
    private final TokenDigests tokens;
    private final AuditTrail audit;
    private final LastUsedRecorder lastUsed;
    private final SignInThrottle signInThrottle;
    private final KeyGuessThrottle keyGuessThrottle;
    private final SetupCode setupCode;

    private final SignInService signIn;
    private final SignOut signOut;
    private final ValidateSession validateSession;
    private final ManageSessions manageSessions;
    private final Impersonate impersonate;
    private final SetUp setUp;
    private final AddUser addUser;
    private final RemoveUser removeUser;
    private final ListUsers listUsers;
    private final LockUser lockUser;
    private final UnlockUser unlockUser;
    private final ChangeRole changeRole;
    private final ChangePassword changePassword;
    private final ChangeAvatar changeAvatar;
    private final IdentifyCaller identifyCaller;
    private final MintApiKey mintApiKey;
    private final ListApiKeys listApiKeys;
    private final RenameApiKey renameApiKey;
    private final RevokeApiKeys revokeApiKeys;
    private final ImportApiKeys importApiKeys;
    private final Authorize authorize;
    private final SetPermissions setPermissions;
    private final ReadPermissions readPermissions;
    private final Register register;
    private final CreateInvite createInvite;
    private final ListInvites listInvites;
    private final RevokeInvite revokeInvite;
    private final ApproveUser approveUser;
    private final RejectUser rejectUser;
    private final ReadAuditLog readAuditLog;
    private final SignInWithProvider signInWithProvider;
    private final ListSignInMethods listSignInMethods;
    private final DisconnectIdentity disconnectIdentity;
    private final ListIdentityLinks listIdentityLinks;

    /** Every use case over {@code stores}; the caller keeps and closes the stores. */
    public UseCases(Stores stores, PasswordHasher hasher, Clock clock, Settings settings) {
        Objects.requireNonNull(stores, "stores");
        IdentityLinkStore identityLinks = stores.identities();
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        SecureRandomSource random = SecureRandomSource.system();
        tokens = new TokenDigests(random, stores.secrets());
        audit = new AuditTrail(stores.audit(), clock);
        lastUsed = new LastUsedRecorder(stores.apiKeys());
        signInThrottle = settings.throttled() ? SignInThrottle.defaults(clock) : SignInThrottle.off();
        keyGuessThrottle = settings.throttled() ? KeyGuessThrottle.defaults(clock) : KeyGuessThrottle.off();
        SignInThrottle registrationThrottle = settings.throttled() ? RegistrationRules.throttle(clock) : SignInThrottle.off();
        setupCode = SetupCode.random(random);
        PasswordPolicy passwords = settings.passwords();
        SessionPolicy sessions = settings.sessions();
        FeatureCatalog features = settings.features();

        signIn = new SignInService(stores.users(), stores.sessions(), hasher, tokens, sessions, audit, clock, signInThrottle);
        signOut = new SignOutService(stores.sessions(), tokens, audit);
        validateSession = new ValidateSessionService(stores.sessions(), stores.users(), tokens, sessions, clock, audit);
        manageSessions = new ManageSessionsService(stores.sessions(), sessions, audit, clock);
        impersonate = new ImpersonateService(stores.users(), stores.sessions(), tokens, settings.impersonationLimit(),
                audit, clock);
        setUp = new SetUpService(stores.users(), hasher, passwords, signIn, audit, clock, setupCode, signInThrottle);

        addUser = new AddUserService(stores.users(), stores.sessions(), hasher, passwords, audit, clock);
        removeUser = new RemoveUserService(stores.users(), stores.sessions(), stores.avatars(), stores.apiKeys(),
                stores.permissions(), stores.identities(), audit, clock);
        listUsers = new ListUsersService(stores.users());
        lockUser = new LockUserService(stores.users(), stores.sessions(), audit, clock);
        unlockUser = new UnlockUserService(stores.users(), audit);
        changeRole = new ChangeRoleService(stores.users(), audit);
        changePassword = new ChangePasswordService(stores.users(), stores.sessions(), hasher, passwords, audit,
                signInThrottle);
        changeAvatar = new ChangeAvatarService(stores.users(), stores.avatars(), audit, clock);

        identifyCaller = new IdentifyCallerService(stores.apiKeys(), stores.users(), tokens, settings.staticKeys(),
                validateSession, lastUsed, clock);
        mintApiKey = new MintApiKeyService(stores.users(), stores.apiKeys(), tokens, random, settings.keys(), audit, clock);
        listApiKeys = new ListApiKeysService(stores.apiKeys(), settings.staticKeys().listed(), Optional.of(lastUsed));
        renameApiKey = new RenameApiKeyService(stores.apiKeys(), audit);
        revokeApiKeys = new RevokeApiKeysService(stores.apiKeys(), audit, clock);
        importApiKeys = new ImportApiKeysService(stores.users(), stores.apiKeys(), tokens, random, audit);

        authorize = new AuthorizeService(stores.permissions(), features);
        setPermissions = new SetPermissionsService(stores.users(), stores.permissions(), features, audit);
        readPermissions = new ReadPermissionsService(stores.users(), stores.permissions(), features);

        register = new RegisterService(stores.users(), stores.sessions(), stores.invites(), hasher, passwords, tokens,
                settings.registration(), registrationThrottle, audit, clock);
        createInvite = new CreateInviteService(stores.invites(), tokens, random, audit, clock);
        listInvites = new ListInvitesService(stores.invites());
        revokeInvite = new RevokeInviteService(stores.invites(), audit, clock);
        approveUser = new ApproveUserService(stores.users(), audit);
        rejectUser = new RejectUserService(stores.users(), stores.sessions(), stores.identities(), audit);

        readAuditLog = new ReadAuditLogService(stores.audit());

        ProviderSettings providers = settings.providers().checkedAgainst(features);
        signInWithProvider = new SignInWithProviderService(stores.users(), stores.sessions(), identityLinks,
                stores.invites(), stores.permissions(), tokens, sessions, settings.registration(), providers, audit, clock);
        listSignInMethods = new ListSignInMethodsService(stores.users(), identityLinks, audit);
        disconnectIdentity = new DisconnectIdentityService(stores.users(), identityLinks, audit);
        listIdentityLinks = new ListIdentityLinksService(stores.users(), stores.identities());
    }

    /**
     * Does the costly part of the first sign-in now: the dummy hash that unknown names are checked
     * against, so timing does not tell who has an account. A server calls it at start, so its first
     * sign-in costs what every other does; a one-shot command need not.
     */
    public void prepare() {
        signIn.prepare();
    }

    public Settings settings() {
        return settings;
    }

    // Sessions

    public SignIn signIn() {
        return signIn;
    }

    public SignOut signOut() {
        return signOut;
    }

    public ValidateSession validateSession() {
        return validateSession;
    }

    public ManageSessions manageSessions() {
        return manageSessions;
    }

    public Impersonate impersonate() {
        return impersonate;
    }

    // Accounts

    /** Making the first administrator with {@link #setupCode()}, while the store has no users. */
    public SetUp setUp() {
        return setUp;
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

    public ChangeAvatar changeAvatar() {
        return changeAvatar;
    }

    // API keys

    public IdentifyCaller identifyCaller() {
        return identifyCaller;
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

    // Rights

    public Authorize authorize() {
        return authorize;
    }

    public SetPermissions setPermissions() {
        return setPermissions;
    }

    public ReadPermissions readPermissions() {
        return readPermissions;
    }

    // Registration

    public Register register() {
        return register;
    }

    public CreateInvite createInvite() {
        return createInvite;
    }

    public ListInvites listInvites() {
        return listInvites;
    }

    public RevokeInvite revokeInvite() {
        return revokeInvite;
    }

    public ApproveUser approveUser() {
        return approveUser;
    }

    public RejectUser rejectUser() {
        return rejectUser;
    }

    // Audit

    public ReadAuditLog readAuditLog() {
        return readAuditLog;
    }

    // Providers

    /** Sign-in, sign-up and connecting through GitHub or an OpenID Connect provider. */
    public SignInWithProvider signInWithProvider() {
        return signInWithProvider;
    }

    public ListSignInMethods listSignInMethods() {
        return listSignInMethods;
    }

    public DisconnectIdentity disconnectIdentity() {
        return disconnectIdentity;
    }

    // The shared helpers, for the parts of an app that work beside the use cases

    /** The one digest maker: session tokens, key secrets and invite codes are kept as its digests. */
    public TokenDigests tokenDigests() {
        return tokens;
    }

    public AuditTrail auditTrail() {
        return audit;
    }

    /** Key uses noted in memory by {@link #identifyCaller()}; someone must {@code flush()} it now and then. */
    public LastUsedRecorder lastUsedRecorder() {
        return lastUsed;
    }

    /** Failed sign-ins, set-ups and password changes, per address, account and pair. */
    public SignInThrottle signInThrottle() {
        return signInThrottle;
    }

    /** Wrong API keys per client address: bounds online guessing of static and imported keys. */
    public KeyGuessThrottle keyGuessThrottle() {
        return keyGuessThrottle;
    }

    /** The one-time code that {@link #setUp()} asks for; it lives only in this process. */
    public SetupCode setupCode() {
        return setupCode;
    }

    // Identities at providers

    public ListIdentityLinks listIdentityLinks() {
        return listIdentityLinks;
    }

}

package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.sessions.SessionOpener;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sign-in, sign-up and connecting through a provider, by the rules in docs/oauth.md ("Who gets in,
 * and which account"). A linked identity signs in to its account, with the provider's roles and
 * grants applied ({@link ProviderRules}) and a session opened exactly as a password sign-in opens
 * one ({@link SessionOpener}). A new identity is linked by email only as {@link EmailLinking}
 * allows, refused if its address is an account's, or given a new account ({@link ProviderSignUp}).
 */
public final class SignInWithProviderService implements SignInWithProvider {

    private final UserStore users;
    private final IdentityLinkStore links;
    private final PermissionStore permissions;
    private final ProviderSettings settings;
    private final EmailLinking emailLinking;
    private final ProviderSignUp signUp;
    private final SessionOpener opener;
    private final AuditTrail audit;
    private final Clock clock;

    public SignInWithProviderService(UserStore users, SessionStore sessions, IdentityLinkStore links,
                                     InviteStore invites, PermissionStore permissions, TokenDigests tokens,
                                     SessionPolicy policy, RegistrationRules registration, ProviderSettings settings,
                                     AuditTrail audit, Clock clock) {
        this.users = users;
        this.links = links;
        this.permissions = permissions;
        this.settings = settings;
        this.emailLinking = new EmailLinking(users, links, invites, settings);
        this.signUp = new ProviderSignUp(users, sessions, links, invites, tokens, registration, settings, audit, clock);
        this.opener = new SessionOpener(users, sessions, tokens, policy, clock);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result signIn(Command command) {
        if (settings.rulesFor(command.identity().provider()).verifiedEmailRequired()
                && !command.identity().emailVerified()) {
            return refused(command, Optional.empty(), Refusals.emailUnverified(command.identity()));
        }
        return command.connectingAs().isPresent() ? connect(command, command.connectingAs().get())
                : signIn(command, true);
    }

    private Result signIn(Command command, boolean mayRetry) {
        ExternalIdentity identity = command.identity();
        Optional<IdentityLink> link = currentLink(identity, command);
        if (link.isPresent()) {
            Optional<User> owner = LinkOwner.of(users, link.get());
            if (owner.isPresent()) {
                return signInLinked(command, link.get(), owner.get(), false, mayRetry);
            }
        }
        List<User> holders = emailLinking.holders(identity);
        if (!holders.isEmpty()) {
            return holders.size() == 1 && emailLinking.mayLink(identity, holders.get(0))
                    ? linkByEmail(command, holders.get(0), mayRetry)
                    : refused(command, Optional.empty(), Refusals.emailInUse(identity));
        }
        ProviderSignUp.Made made = signUp.signUp(command);
        if (made.refused().isPresent()) {
            return refused(command, Optional.empty(), made.refused().get());
        }
        if (made.lostRace()) {
            // Another sign-in of this identity linked it a moment ago (a double click): use that account.
            return mayRetry ? signIn(command, false) : refused(command, Optional.empty(), Refusals.changedMeanwhile());
        }
        return signInLinked(command, made.link().orElseThrow(), made.user().orElseThrow(), true, false);
    }

    /** The identity's link, if any; a link left behind by a removed account is removed, and audited. */
    private Optional<IdentityLink> currentLink(ExternalIdentity identity, Command command) {
        Optional<IdentityLink> link = links.find(identity.provider(), identity.subject());
        if (link.isPresent() && LinkOwner.of(users, link.get()).isEmpty()) {
            IdentityLink stale = link.get();
            if (links.delete(stale.provider(), stale.subject(), stale.username())) {
                audit.record("identity.disconnect", Actor.anonymous(command.clientIp()), stale.username(),
                        Outcome.SUCCESS, Map.of("provider", stale.provider().value(), "identity", stale.label(),
                                "reason", "the account it led to was removed"));
            }
            return Optional.empty();
        }
        return link;
    }

    private Result linkByEmail(Command command, User account, boolean mayRetry) {
        if (account.status() instanceof UserStatus.Locked locked) {
            return refused(command, Optional.of(account), Refusals.locked(locked));
        }
        IdentityLink link = IdentityLink.of(command.identity(), account.username(), clock.instant());
        if (!links.insert(link)) {
            return mayRetry ? signIn(command, false) : refused(command, Optional.of(account), Refusals.changedMeanwhile());
        }
        audit.record("identity.link", Actor.anonymous(command.clientIp()), account.username(), Outcome.SUCCESS,
                Map.of("provider", link.provider().value(), "identity", link.label(), "how", "verified email"));
        return signInLinked(command, link, account, false, mayRetry);
    }

    private Result signInLinked(Command command, IdentityLink link, User account, boolean newAccount,
                                boolean mayRetry) {
        ExternalIdentity identity = command.identity();
        if (account.status() instanceof UserStatus.Locked locked) {
            return refused(command, Optional.of(account), Refusals.locked(locked));
        }
        if (!account.status().isActive()) {
            audit.record("auth.provider_sign_in", Actor.anonymous(command.clientIp()), account.username(),
                    Outcome.REFUSED, details(identity, "reason", "pending"));
            return new AwaitingApproval(account.username(), newAccount);
        }
        ProviderRules rules = settings.rulesFor(identity.provider());
        applyGrants(command, account, rules);
        AtomicReference<User> before = new AtomicReference<>(account);
        Optional<SessionOpener.Opened> opened = opener.open(account.username(),
                current -> current.createdAt().equals(account.createdAt()),
                current -> {
                    before.set(current);
                    return rules.applyRoles(current, identity.groups());
                }, command.clientIp(), command.userAgent());
        if (opened.isEmpty()) {
            audit.record("auth.provider_sign_in", Actor.anonymous(command.clientIp()), account.username(),
                    Outcome.FAILURE, details(identity, "reason", "account changed during sign-in"));
            return mayRetry ? signIn(command, false) : Refusals.changedMeanwhile();
        }
        User user = opened.get().user();
        if (before.get().isAdmin() != user.isAdmin()) {
            audit.record("user.role_change", Actor.user(user, command.clientIp()), user.username(), Outcome.SUCCESS,
                    details(identity, "from", before.get().isAdmin() ? "admin" : "user",
                            "to", user.isAdmin() ? "admin" : "user", "by", "provider groups"));
        }
        IdentityLink used = links.update(link.provider(), link.subject(), l -> l.usedAt(identity, clock.instant()))
                .orElse(link);
        audit.record("auth.provider_sign_in", Actor.user(user, command.clientIp()), user.username(), Outcome.SUCCESS,
                details(identity, "session", opened.get().session().id().value(), "new_account",
                        Boolean.toString(newAccount)));
        return new SignedIn(user, opened.get().session(), opened.get().token(), used, newAccount);
    }

    /** The features and models the provider's groups give, written and audited only when they change something. */
    private void applyGrants(Command command, User account, ProviderRules rules) {
        Permissions before = permissions.find(account.username()).orElse(Permissions.DEFAULT);
        Permissions after = rules.applyGrants(before, command.identity().groups());
        if (after.equals(before)) {
            return;
        }
        if (after.equals(Permissions.DEFAULT)) {
            permissions.remove(account.username());
        } else {
            permissions.put(account.username(), after);
        }
        audit.record("user.permissions", Actor.user(account, command.clientIp()), account.username(), Outcome.SUCCESS,
                details(command.identity(), "features_before", before.describeFeatures(),
                        "features_after", after.describeFeatures(), "models_before", before.models().describe(),
                        "models_after", after.models().describe(), "by", "provider groups"));
    }

    private Result connect(Command command, Actor actor) {
        ExternalIdentity identity = command.identity();
        if (actor.isImpersonated()) {
            return refused(command, Optional.empty(), Refusals.whileImpersonating());
        }
        Optional<User> account = actor.username().flatMap(users::find).filter(u -> u.status().isActive());
        if (account.isEmpty()) {
            return refused(command, Optional.empty(), Refusals.notSignedIn());
        }
        User user = account.get();
        Optional<IdentityLink> existing = currentLink(identity, command);
        if (existing.isEmpty()) {
            IdentityLink link = IdentityLink.of(identity, user.username(), clock.instant());
            if (links.insert(link)) {
                return connected(command, user, link, false);
            }
            existing = links.find(identity.provider(), identity.subject()); // connected a moment ago
        }
        if (existing.isPresent() && LinkOwner.belongsTo(existing.get(), user)) {
            IdentityLink used = links.update(identity.provider(), identity.subject(),
                    l -> l.usedAt(identity, clock.instant())).orElse(existing.get());
            return connected(command, user, used, true);
        }
        audit.record("identity.connect", actor, user.username(), Outcome.REFUSED, details(identity, "reason",
                Why.LINKED_TO_ANOTHER_ACCOUNT.name().toLowerCase(Locale.ROOT), "owner",
                existing.map(l -> l.username().value()).orElse("?")));
        return Refusals.linkedElsewhere(identity);
    }

    private Result connected(Command command, User user, IdentityLink link, boolean already) {
        audit.record("identity.connect", command.connectingAs().orElseThrow(), user.username(), Outcome.SUCCESS,
                details(command.identity(), "already", Boolean.toString(already)));
        return new Connected(user, link, already);
    }

    /** Audits a refusal (as a sign-in or a connect) and returns it. */
    private Result refused(Command command, Optional<User> account, Refused refused) {
        Actor actor = command.connectingAs().orElse(Actor.anonymous(command.clientIp()));
        String action = command.connecting() ? "identity.connect" : "auth.provider_sign_in";
        audit.record(action, actor, account.map(User::username).or(actor::username).orElse(null), Outcome.REFUSED,
                details(command.identity(), "reason", refused.why().name().toLowerCase(Locale.ROOT)));
        return refused;
    }

    /** The provider and the identity's label (never its tokens), then {@code more} as name, value pairs. */
    private static Map<String, String> details(ExternalIdentity identity, String... more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", identity.provider().value());
        details.put("identity", identity.label());
        for (int i = 0; i + 1 < more.length; i += 2) {
            details.put(more[i], more[i + 1]);
        }
        return details;
    }
}

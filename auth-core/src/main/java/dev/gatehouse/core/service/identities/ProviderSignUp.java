package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider.Command;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.registration.InviteCheck;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the account for an identity seen for the first time, as the registration mode allows
 * (closed: only with an invite; invite: only with one; approval: pending unless invited or an
 * administrator; open: at once). The account has no password. Steps, each undone if a later one
 * fails so that a refusal leaves nothing behind: insert the account under a free name, insert the
 * link (of two first sign-ins of one identity, one wins; the other's account is removed again),
 * record the invite's use (atomic, as registration does).
 */
final class ProviderSignUp {

    /** The account and its link, made; or the refusal (nothing made); or {@code lostRace} (another sign-in linked it first). */
    record Made(Optional<User> user, Optional<IdentityLink> link, Optional<Refused> refused, boolean lostRace) {
        static Made made(User user, IdentityLink link) {
            return new Made(Optional.of(user), Optional.of(link), Optional.empty(), false);
        }

        static Made refused(Refused refused) {
            return new Made(Optional.empty(), Optional.empty(), Optional.of(refused), false);
        }

        static Made raceLost() {
            return new Made(Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
    }

    /** More names than this taken with one base means something is wrong; it is not worth a longer search. */
    private static final int MAX_ATTEMPTS = 10_000;

    private final UserStore users;
    private final SessionStore sessions;
    private final IdentityLinkStore links;
    private final InviteStore invites;
    private final TokenDigests digests;
    private final RegistrationRules registration;
    private final ProviderSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    ProviderSignUp(UserStore users, SessionStore sessions, IdentityLinkStore links, InviteStore invites,
                   TokenDigests digests, RegistrationRules registration, ProviderSettings settings, AuditTrail audit,
                   Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.links = links;
        this.invites = invites;
        this.digests = digests;
        this.registration = registration;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    Made signUp(Command command) {
        ExternalIdentity identity = command.identity();
        Instant now = clock.instant();
        Optional<Invite> invite = Optional.empty();
        if (command.inviteCode().isPresent()) {
            InviteCheck check = InviteCheck.of(invites, digests, command.inviteCode().get(), identity.email(), now);
            if (check.problem().isPresent()) {
                return Made.refused(Refusals.invite(check.problem().get().why(), identity));
            }
            invite = check.invite();
        }
        RegistrationMode mode = registration.mode();
        if (mode == RegistrationMode.CLOSED && invite.isEmpty()) {
            return Made.refused(Refusals.closed(identity));
        }
        if (mode == RegistrationMode.INVITE && invite.isEmpty()) {
            return Made.refused(Refusals.inviteRequired(identity));
        }
        // An invite bound to the address proves it, as in registration: its link reached that mailbox.
        boolean invited = invite.flatMap(Invite::email).isPresent();
        boolean verified = identity.emailVerified() || invited;
        ProviderRules rules = settings.rulesFor(identity.provider());
        // The administrator's address makes an administrator only on the word of a provider the
        // operator trusts for email, as linking by email does; some call every address verified.
        boolean adminByEmail = registration.makesAdmin(identity.email(),
                invited || (identity.emailVerified() && rules.trustedForEmail()));
        boolean adminByGroups = rules.makesAdmin(identity.groups());
        if (rules.groupsAuthoritative() && !rules.adminValues().isEmpty()) {
            adminByEmail = false; // the provider's groups decide the role at every sign-in, this first one too
        }
        boolean admin = adminByEmail || adminByGroups;
        boolean pending = mode == RegistrationMode.APPROVAL && invite.isEmpty() && !admin;
        Optional<String> email = verified ? identity.email() : Optional.empty(); // an unverified address proves nothing
        User user = insertUnderFreeName(identity, name -> new User(name, Optional.empty(),
                admin ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER),
                pending ? UserStatus.PENDING : UserStatus.ACTIVE, now, Optional.empty(), email));
        IdentityLink link = IdentityLink.of(identity, user.username(), now);
        boolean linked;
        try {
            linked = links.insert(link);
        } catch (RuntimeException failed) {
            removeAgain(user);
            throw failed;
        }
        if (!linked) {
            removeAgain(user);
            return Made.raceLost();
        }
        if (invite.isPresent() && invites.recordUse(invite.get().id(), new Invite.Use(user.username(), now)).isEmpty()) {
            links.delete(link.provider(), link.subject(), user.username());
            removeAgain(user);
            return Made.refused(Refusals.usedUpMeanwhile());
        }
        sessions.deleteByUser(user.username()); // sessions of an earlier account of this name must not carry over
        audited(command, user, link, invite, pending, adminByEmail, adminByGroups);
        return Made.made(user, link);
    }

    private User insertUnderFreeName(ExternalIdentity identity, Function<Username, User> account) {
        String base = UsernameChoice.base(identity);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Username name = Username.of(UsernameChoice.candidate(base, attempt));
            if (users.find(name).isPresent()) {
                continue;
            }
            User user = account.apply(name);
            if (users.insert(user)) {
                return user;
            }
        }
        throw new IllegalStateException("No free username starting with '" + base + "' after " + MAX_ATTEMPTS
                + " tries; remove unused accounts with that name.");
    }

    /** Takes back an account this sign-up inserted, and only that one. */
    private void removeAgain(User user) {
        users.deleteIf(user.username(), stored -> stored.createdAt().equals(user.createdAt())
                && stored.passwordHash().isEmpty());
    }

    private void audited(Command command, User user, IdentityLink link, Optional<Invite> invite, boolean pending,
                         boolean adminByEmail, boolean adminByGroups) {
        Actor actor = Actor.anonymous(command.clientIp());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", registration.mode().label());
        details.put("pending", Boolean.toString(pending));
        details.put("admin", Boolean.toString(adminByEmail || adminByGroups));
        if (adminByEmail || adminByGroups) {
            details.put("admin_by", adminByEmail && adminByGroups ? "email,groups" : adminByEmail ? "email" : "groups");
        }
        details.put("provider", link.provider().value());
        details.put("identity", link.label());
        invite.ifPresent(i -> details.put("invite", i.id().value()));
        audit.record("user.register", actor, user.username(), Outcome.SUCCESS,
                details);
        invite.ifPresent(i -> audit.record("invite.use", actor, user.username(),
                Outcome.SUCCESS, Map.of("invite", i.id().value())));
        audit.record("identity.link", actor, user.username(), Outcome.SUCCESS,
                Map.of("provider", link.provider().value(), "identity", link.label(), "how", "new_account"));
    }
}

package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.sessions.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone came back from a provider with a verified identity: sign them in to the account it is
 * linked to, make an account for it as the registration mode allows, or (from My Account) connect
 * it to the account of whoever is signed in.
 *
 * <p>The rules (docs/oauth.md, "Who gets in, and which account"): a linked identity signs in to
 * its account; a new identity whose email address belongs to an account is refused
 * ({@link Why#EMAIL_IN_USE}) unless the operator allowed linking by email and both sides' addresses
 * are proven; otherwise it gets a new account without a password, as the registration mode allows.
 * An identity belongs to one account only. Nothing is created on any refusal, and every outcome is
 * audited.
 */
public interface SignInWithProvider {

    Result signIn(Command command);

    /**
     * What the provider's round trip proved ({@code identity}: the adapter checked everything),
     * the invite code the person started with (carried through the round trip), who is signed in
     * if this is a "Connect" from My Account ({@code connectingAs}), and where the request came from.
     */
    record Command(ExternalIdentity identity, Optional<String> inviteCode, Optional<Actor> connectingAs,
                   String clientIp, String userAgent) {
        public Command {
            Objects.requireNonNull(identity, "identity");
            inviteCode = Objects.requireNonNull(inviteCode, "inviteCode").map(String::strip).filter(c -> !c.isEmpty());
            Objects.requireNonNull(connectingAs, "connectingAs");
            clientIp = clientIp == null ? "" : clientIp;
            userAgent = userAgent == null ? "" : userAgent;
        }

        /** A sign-in (not a connect), with an invite code if the person brought one. */
        public static Command signIn(ExternalIdentity identity, Optional<String> inviteCode, String clientIp,
                                     String userAgent) {
            return new Command(identity, inviteCode, Optional.empty(), clientIp, userAgent);
        }

        /** {@code actor}, signed in, connects {@code identity} to their own account. */
        public static Command connect(ExternalIdentity identity, Actor actor, String userAgent) {
            return new Command(identity, Optional.empty(), Optional.of(actor), actor.clientIp(), userAgent);
        }

        public boolean connecting() {
            return connectingAs.isPresent();
        }
    }

    /** What happened. */
    sealed interface Result permits SignedIn, Connected, AwaitingApproval, Refused {
    }

    /**
     * Welcome, as with a password: {@code token} is the session's secret, for the client once.
     * {@code newAccount} is true when this sign-in made the account.
     */
    record SignedIn(User user, Session session, String token, IdentityLink link, boolean newAccount) implements Result {
        public SignedIn {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(link, "link");
        }

        @Override
        public String toString() {
            return "SignedIn[" + user.username() + " via " + link.label() + ", session=" + session.id() + "]";
        }
    }

    /** The identity is now (or was already: {@code already}) a way into the signed-in user's account. */
    record Connected(User user, IdentityLink link, boolean already) implements Result {
        public Connected {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(link, "link");
        }
    }

    /**
     * The identity leads to an account that waits for an administrator's approval;
     * {@code newAccount} is true when this sign-in made it. No session.
     */
    record AwaitingApproval(Username username, boolean newAccount) implements Result {
        public AwaitingApproval {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Nothing was created; {@code message} says why and what to do, without naming other accounts. */
    record Refused(Why why, String message) implements Result {
        public Refused {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a sign-in or connect was refused, stable for programs (pages, JSON answers, the audit log). */
    enum Why {
        /** The account is locked; the message gives the administrator's reason. */
        LOCKED,
        /** Registration is closed and nothing (an invite, a proven email) lets this identity in. */
        REGISTRATION_CLOSED,
        /** Registration is by invite and the person did not start with one. */
        INVITE_REQUIRED,
        /** The invite code is not one Gatehouse issued. */
        INVITE_INVALID,
        INVITE_EXPIRED,
        INVITE_USED_UP,
        INVITE_REVOKED,
        /** The invite is bound to another email address than the provider gave. */
        INVITE_EMAIL_MISMATCH,
        /** An account has this email address: sign in the usual way and connect the provider from My Account. */
        EMAIL_IN_USE,
        /** Connecting an identity that is already a way into another account. */
        LINKED_TO_ANOTHER_ACCOUNT,
        /** The operator requires a verified address from this provider, and it gave none. */
        EMAIL_UNVERIFIED,
        /** Connecting is not possible for this caller (an administrator acting as the user; an account that is not active). */
        NOT_ALLOWED
    }
}

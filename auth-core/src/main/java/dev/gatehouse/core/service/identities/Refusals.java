package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider.Why;

/**
 * The refusals of sign-in through a provider, in words a person can act on. None names another
 * account or says more about it than that it exists.
 */
final class Refusals {

    private Refusals() {
    }

    static Refused locked(UserStatus.Locked locked) {
        return new Refused(Why.LOCKED, "Your account is locked: " + locked.reason() + ". Ask an administrator to"
                + " unlock it.");
    }

    static Refused closed(ExternalIdentity identity) {
        return new Refused(Why.REGISTRATION_CLOSED, "There is no account here for " + identity.label() + ", and"
                + " registration is closed. Ask an administrator for an invite, or to create an account for you.");
    }

    static Refused inviteRequired(ExternalIdentity identity) {
        return new Refused(Why.INVITE_REQUIRED, "There is no account here for " + identity.label() + ", and"
                + " signing up needs an invite. Open the invite link an administrator sent you, then sign in with "
                + identity.provider() + " from there.");
    }

    static Refused emailInUse(ExternalIdentity identity) {
        return new Refused(Why.EMAIL_IN_USE, "An account here already uses the email address that "
                + identity.provider() + " gave. Sign in the way you usually do, then connect " + identity.provider()
                + " from My Account.");
    }

    static Refused emailUnverified(ExternalIdentity identity) {
        return new Refused(Why.EMAIL_UNVERIFIED, identity.provider() + " did not give a verified email address for "
                + identity.label() + ", and this server requires one. Verify your address at " + identity.provider()
                + ", then try again.");
    }

    static Refused linkedElsewhere(ExternalIdentity identity) {
        return new Refused(Why.LINKED_TO_ANOTHER_ACCOUNT, identity.label() + " is already a way into another"
                + " account here, so it cannot be connected to yours. Sign out and sign in with it to use that"
                + " account, or ask an administrator.");
    }

    static Refused whileImpersonating() {
        return new Refused(Why.NOT_ALLOWED, "An administrator acting as a user cannot connect a sign-in method to"
                + " their account; stop impersonating first.");
    }

    static Refused notSignedIn() {
        return new Refused(Why.NOT_ALLOWED, "Connecting a sign-in method needs an active account: sign in first.");
    }

    static Refused changedMeanwhile() {
        return new Refused(Why.NOT_ALLOWED, "The account changed while you were signing in; sign in again.");
    }

    static Refused usedUpMeanwhile() {
        return new Refused(Why.INVITE_USED_UP, "That invite was used up a moment ago by someone else; ask for a new"
                + " one.");
    }

    /** A registration's invite problem, said for a sign-in through a provider. */
    static Refused invite(Register.Why problem, ExternalIdentity identity) {
        return switch (problem) {
            case INVITE_EXPIRED -> new Refused(Why.INVITE_EXPIRED, "That invite has expired; ask for a new one.");
            case INVITE_USED_UP -> new Refused(Why.INVITE_USED_UP, "That invite has been used already; ask for a"
                    + " new one.");
            case INVITE_REVOKED -> new Refused(Why.INVITE_REVOKED, "That invite was withdrawn; ask for a new one.");
            case EMAIL_REQUIRED, EMAIL_MISMATCH -> new Refused(Why.INVITE_EMAIL_MISMATCH, "That invite is for"
                    + " another email address than " + identity.provider() + " gave for " + identity.label()
                    + ". Sign in with the " + identity.provider() + " account that uses the invited address, or ask"
                    + " for a new invite.");
            default -> new Refused(Why.INVITE_INVALID, "That invite code is not valid; open the whole invite link"
                    + " again, or ask for a new invite.");
        };
    }
}

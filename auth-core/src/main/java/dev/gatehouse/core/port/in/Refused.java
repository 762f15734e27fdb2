package dev.gatehouse.core.port.in;

import java.util.Objects;

/**
 * A use case declined to act, and why. Nothing changed. The message is written for the person
 * who asked and names the value and what to do; {@code reason} is stable for programs.
 */
public record Refused(Reason reason, String message) implements
        AddUser.Result, RemoveUser.Result, LockUser.Result, UnlockUser.Result,
        ChangePassword.Result, ListUsers.Result, ManageSessions.Result, SetUp.Result, ChangeAvatar.Result,
        MintApiKey.Result, ListApiKeys.Result, RenameApiKey.Result, RevokeApiKeys.Result, ReadAuditLog.Result,
        ChangeRole.Result, CreateInvite.Result, ListInvites.Result, RevokeInvite.Result, ApproveUser.Result,
        RejectUser.Result, Impersonate.Result, SetPermissions.Result, ReadPermissions.Result,
        ListSignInMethods.Result, DisconnectIdentity.Result, ListIdentityLinks.Result {

    /** Why a use case declined. */
    public enum Reason {
        NOT_FOUND, NOT_ALLOWED, SELF, TARGET_IS_ADMIN, WRONG_PASSWORD, WEAK_PASSWORD, INVALID, EXISTS
    }

    public Refused {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static Refused noSuchUser(Object username) {
        return new Refused(Reason.NOT_FOUND, "There is no user '" + username + "'.");
    }

    public static Refused noSuchKey(Object id) {
        return new Refused(Reason.NOT_FOUND, "There is no API key '" + id + "'; the ID column of the key listing"
                + " shows the ids.");
    }

    public static Refused noSuchInvite(Object id) {
        return new Refused(Reason.NOT_FOUND, "There is no invite '" + id + "'; the ID column of the invite listing"
                + " shows the ids.");
    }

    /** What an administrator acting as a user may not do for them. */
    public static Refused whileImpersonating(String what) {
        return new Refused(Reason.NOT_ALLOWED, "An administrator acting as a user cannot " + what
                + "; stop impersonating first.");
    }

    public static Refused adminsOnly() {
        return new Refused(Reason.NOT_ALLOWED, "Only administrators may do this.");
    }
}

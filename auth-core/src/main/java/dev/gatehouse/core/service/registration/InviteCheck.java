package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.port.in.Register.Declined;
import dev.gatehouse.core.port.in.Register.Why;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.service.support.TokenDigests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an invite code as typed may be used now, with this email address: the invite found, or
 * why not. Registration with a password and sign-up through a provider both ask it.
 */
public record InviteCheck(Optional<Invite> invite, Optional<Declined> problem) {

    public static InviteCheck of(InviteStore invites, TokenDigests digests, String code, Optional<String> email, Instant now) {
        if (!InviteCodes.looksValid(code)) {
            return refused(Optional.empty(), Why.INVITE_INVALID, "That invite code is not valid; copy the whole link"
                    + " or code (it starts with " + InviteCodes.PREFIX + ").");
        }
        String digest = digests.digest(code);
        Optional<Invite> found = invites.findByDigest(digest)
                .filter(i -> MessageDigest.isEqual(i.digest().getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)));
        if (found.isEmpty()) {
            return refused(found, Why.INVITE_INVALID, "That invite code is not valid; ask for a new invite.");
        }
        Invite invite = found.get();
        switch (invite.status(now)) {
            case REVOKED:
                return refused(found, Why.INVITE_REVOKED, "That invite was withdrawn; ask for a new one.");
            case USED_UP:
                return refused(found, Why.INVITE_USED_UP, "That invite has been used already; ask for a new one.");
            case EXPIRED:
                return refused(found, Why.INVITE_EXPIRED, "That invite expired on " + invite.expiresAt()
                        + "; ask for a new one.");
            default:
                break;
        }
        if (invite.email().isPresent()) {
            if (email.isEmpty()) {
                return refused(found, Why.EMAIL_REQUIRED, "This invite is for one email address; type the address"
                        + " the invite was sent to.");
            }
            if (!EmailAddress.same(invite.email().get(), email.get())) {
                return refused(found, Why.EMAIL_MISMATCH, "This invite is for another email address; type the"
                        + " address the invite was sent to.");
            }
        }
        return new InviteCheck(found, Optional.empty());
    }

    private static InviteCheck refused(Optional<Invite> invite, Why why, String message) {
        return new InviteCheck(invite, Optional.of(new Declined(why, message)));
    }
}

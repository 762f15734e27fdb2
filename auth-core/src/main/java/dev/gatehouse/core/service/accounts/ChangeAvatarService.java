package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.ChangeAvatar;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.AvatarStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Sets and removes avatars of existing users. */
public final class ChangeAvatarService implements ChangeAvatar {

    static final String CHANGE = "avatar.change";
    static final String REMOVE = "avatar.remove";

    private final UserStore users;
    private final AvatarStore avatars;
    private final AuditTrail audit;
    private final Clock clock;

    public ChangeAvatarService(UserStore users, AvatarStore avatars, AuditTrail audit, Clock clock) {
        this.users = users;
        this.avatars = avatars;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result set(Actor actor, Username username, String mediaType, byte[] image) {
        Optional<Refused> refused = mayChange(CHANGE, actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        Avatar avatar;
        try {
            avatar = new Avatar(username, mediaType == null ? "" : mediaType, image == null ? new byte[0] : image,
                    clock.instant());
        } catch (IllegalArgumentException invalid) {
            return new Refused(Reason.INVALID, invalid.getMessage());
        }
        avatars.put(avatar);
        if (users.find(username).isEmpty()) {
            // Deleted while the image was being stored: its avatar must not outlive it.
            avatars.delete(username);
            return Refused.noSuchUser(username);
        }
        audit.record(CHANGE, actor, username, Outcome.SUCCESS,
                Map.of("media_type", avatar.mediaType(), "bytes", Integer.toString(avatar.size())));
        return new Changed(Optional.of(avatar));
    }

    @Override
    public Result remove(Actor actor, Username username) {
        Optional<Refused> refused = mayChange(REMOVE, actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (avatars.delete(username)) {
            audit.success(REMOVE, actor, username);
        }
        return new Changed(Optional.empty());
    }

    /** Users change their own avatar, administrators anyone's; only of users who exist. */
    private Optional<Refused> mayChange(String action, Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, username);
        if (refused.isPresent()) {
            audit.record(action, actor, username, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused;
        }
        return users.find(username).isPresent() ? Optional.empty() : Optional.of(Refused.noSuchUser(username));
    }
}

package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.AvatarStore;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes accounts, ends their sessions, revokes their API keys and removes their avatars, permissions
 * and links to providers' identities.
 */
public final class RemoveUserService implements RemoveUser {

    private final UserStore users;
    private final SessionStore sessions;
    private final AvatarStore avatars;
    private final ApiKeyStore apiKeys;
    private final PermissionStore permissions;
    private final IdentityLinkStore identities;
    private final AuditTrail audit;
    private final Clock clock;

    public RemoveUserService(UserStore users, SessionStore sessions, AvatarStore avatars, ApiKeyStore apiKeys,
                             PermissionStore permissions, IdentityLinkStore identities, AuditTrail audit,
                             Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.avatars = avatars;
        this.apiKeys = apiKeys;
        this.permissions = permissions;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result remove(Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.mayRemove(actor, username);
        if (refused.isPresent()) {
            audit.record("user.delete", actor, username, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<User> user = users.find(username);
        if (user.isEmpty() || !users.delete(username)) {
            return Refused.noSuchUser(username);
        }
        int ended = sessions.deleteByUser(username);
        // Keys stay listed, revoked, so the owner's machines fail with a reason an administrator can find.
        int revoked = apiKeys.revokeByOwner(username, clock.instant());
        boolean avatarRemoved = avatars.delete(username);
        // A new account of the same name starts from the defaults, not from this one's rights.
        boolean permissionsRemoved = permissions.remove(username);
        // A link left behind would sign its provider identity in to a new account of the same name.
        int unlinked = identities.deleteAllFor(username);
        audit.record("user.delete", actor, username, Outcome.SUCCESS, Map.of("sessions_ended", Integer.toString(ended),
                "api_keys_revoked", Integer.toString(revoked), "avatar_removed", Boolean.toString(avatarRemoved),
                "permissions_removed", Boolean.toString(permissionsRemoved),
                "identities_unlinked", Integer.toString(unlinked)));
        return new Removed(user.get(), ended);
    }
}

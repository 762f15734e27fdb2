package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.UnlinkIdentity;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes a provider identity from an account. An account without a password keeps its last link:
 * without it nobody could sign in to it any more, and only an administrator could bring it back.
 */
public final class UnlinkIdentityService implements UnlinkIdentity {

    static final String ACTION = "identity.unlink";

    private final UserStore users;
    private final IdentityLinkStore identities;
    private final AuditTrail audit;

    public UnlinkIdentityService(UserStore users, IdentityLinkStore identities, AuditTrail audit) {
        this.users = users;
        this.identities = identities;
        this.audit = audit;
    }

    @Override
    public Result unlink(Actor actor, Username username, ProviderName provider, String subject) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, username);
        if (refused.isEmpty() && actor.isImpersonated()) {
            refused = Optional.of(Refused.whileImpersonating("disconnect their sign-in methods"));
        }
        if (refused.isPresent()) {
            audit.record(ACTION, actor, username, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<User> user = users.find(username);
        if (user.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        List<IdentityLink> links = identities.listFor(username);
        Optional<IdentityLink> link = links.stream()
                .filter(l -> l.provider().equals(provider) && l.subject().equals(subject)).findFirst();
        if (link.isEmpty()) {
            return new Refused(Refused.Reason.NOT_FOUND, "'" + username + "' has no " + provider + " identity '"
                    + subject + "'; the user's page lists the identities linked to it.");
        }
        if (user.get().passwordHash().isEmpty() && links.size() == 1) {
            return lastWayIn(actor, link.get());
        }
        if (!identities.delete(provider, subject, username)) {
            return new Refused(Refused.Reason.NOT_FOUND, "'" + username + "' has no " + provider + " identity '"
                    + subject + "' any more; it was disconnected meanwhile.");
        }
        // Two links removed at once could each have seen the other still there: look again, and put this one back.
        if (users.find(username).map(u -> u.passwordHash().isEmpty()).orElse(false)
                && identities.listFor(username).isEmpty() && identities.insert(link.get())) {
            return lastWayIn(actor, link.get());
        }
        audit.record(ACTION, actor, username, Outcome.SUCCESS, Map.of("provider", provider.value(),
                "login", link.get().login()));
        return new Unlinked(link.get());
    }

    private Refused lastWayIn(Actor actor, IdentityLink link) {
        audit.record(ACTION, actor, link.username(), Outcome.REFUSED, Map.of("provider", link.provider().value(),
                "login", link.login(), "reason", "last way in"));
        return new Refused(Refused.Reason.NOT_ALLOWED, link.label() + " is the only way in to '" + link.username()
                + "', which has no password; set a password first, then disconnect it.");
    }
}

package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.ListIdentityLinks;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists every provider identity linked to any account, for administrators (one account's: {@link ListSignInMethodsService}). */
public final class ListIdentityLinksService implements ListIdentityLinks {

    /** Links read per store call when listing them all. */
    static final int PAGE = 500;

    private final UserStore users;
    private final IdentityLinkStore identities;

    public ListIdentityLinksService(UserStore users, IdentityLinkStore identities) {
        this.users = users;
        this.identities = identities;
    }

    @Override
    public Result listAll(Actor actor) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<IdentityLink> all = new ArrayList<>();
        List<IdentityLink> page = identities.page(Optional.empty(), PAGE);
        while (!page.isEmpty()) {
            all.addAll(page);
            Optional<IdentityLinkStore.Key> after = Optional.of(IdentityLinkStore.Key.of(page.get(page.size() - 1)));
            page = page.size() < PAGE ? List.of() : identities.page(after, PAGE);
        }
        return new Listed(all);
    }
}

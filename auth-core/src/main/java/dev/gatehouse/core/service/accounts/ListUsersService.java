package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.List;
import java.util.Optional;

/** Lists accounts for administrators. */
public final class ListUsersService implements ListUsers {

    private final UserStore users;

    public ListUsersService(UserStore users) {
        this.users = users;
    }

    @Override
    public Result list(Actor actor) {
        return AccountRules.mustBeAdmin(actor).<Result>map(refused -> refused)
                .orElseGet(() -> new Listed(users.list()));
    }

    @Override
    public Result page(Actor actor, Optional<Username> after, int limit) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return new Refused(Refused.Reason.INVALID, "A page holds 1 to " + MAX_PAGE + " users; "
                    + limit + " is out of range.");
        }
        return onePage(after, limit);
    }

    /** Asks for one user more than shown: if it comes, there is a next page. */
    private Page onePage(Optional<Username> after, int limit) {
        List<User> found = users.page(after, limit + 1);
        List<User> shown = found.size() > limit ? found.subList(0, limit) : found;
        Optional<Username> next = found.size() > limit
                ? Optional.of(shown.get(shown.size() - 1).username()) : Optional.empty();
        return new Page(shown, next, users.count());
    }
}

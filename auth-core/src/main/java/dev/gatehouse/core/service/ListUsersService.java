package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.out.UserStore;

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
}

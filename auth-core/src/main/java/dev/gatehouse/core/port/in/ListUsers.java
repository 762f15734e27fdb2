package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.User;
import java.util.List;

/** Every account, oldest first: for administrators only. */
public interface ListUsers {

    Result list(Actor actor);

    /** What happened. */
    sealed interface Result permits Listed, Refused {
    }

    /** The accounts. */
    record Listed(List<User> users) implements Result {
        public Listed {
            users = List.copyOf(users);
        }
    }
}

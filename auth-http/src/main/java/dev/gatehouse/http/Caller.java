package dev.gatehouse.http;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.Session;
import dev.gatehouse.core.model.User;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as the access filter established it: a user, and the session they came with
 * (none when the server runs with {@code --auth none} or {@code --auth apikey}).
 */
record Caller(User user, Optional<Session> session, String clientIp) {

    Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        clientIp = clientIp == null ? "" : clientIp;
    }

    /** The caller as core's use cases see them. */
    Actor actor() {
        return Actor.user(user, clientIp);
    }

    boolean admin() {
        return user.isAdmin();
    }
}

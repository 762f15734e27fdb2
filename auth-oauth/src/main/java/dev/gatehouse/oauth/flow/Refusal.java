package dev.gatehouse.oauth.flow;

import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;

/**
 * A step of a round trip that cannot go on: carries the {@link Failed} answer up to
 * {@code complete}, which returns it (the port promises no exception escapes).
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Failed failed;

    public Refusal(Failure why, String message) {
        super(message, null, false, false);
        this.failed = new Failed(why, message);
    }

    public Failed failed() {
        return failed;
    }
}

package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.port.in.Refused;

/** The refusal for approving or rejecting an account that is not waiting for approval. */
final class PendingRules {

    private PendingRules() {
    }

    static Refused notPending(User user) {
        return new Refused(Refused.Reason.INVALID, "'" + user.username() + "' is not waiting for approval (the"
                + " account is " + user.status().label().toLowerCase(java.util.Locale.ROOT) + ").");
    }
}

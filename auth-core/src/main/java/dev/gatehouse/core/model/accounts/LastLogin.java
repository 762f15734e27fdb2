package dev.gatehouse.core.model.accounts;

import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.Objects;

/** When and from where a user last signed in successfully. */
public record LastLogin(Instant at, String clientIp) {
    public LastLogin {
        at = Times.truncate(Objects.requireNonNull(at, "at"));
        clientIp = clientIp == null ? "" : clientIp.strip();
    }
}

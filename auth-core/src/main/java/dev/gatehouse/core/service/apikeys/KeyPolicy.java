package dev.gatehouse.core.service.apikeys;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long new API keys live when whoever mints one does not say: {@code defaultLifetime} from
 * minting, or (empty) until revoked.
 */
public record KeyPolicy(Optional<Duration> defaultLifetime) {

    public KeyPolicy {
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        defaultLifetime.ifPresent(lifetime -> {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("The default key lifetime must be positive, was " + lifetime
                        + "; leave it out for keys that live until revoked.");
            }
        });
    }

    /** Keys live 365 days unless their minter asks otherwise. */
    public static KeyPolicy defaults() {
        return new KeyPolicy(Optional.of(Duration.ofDays(365)));
    }
}

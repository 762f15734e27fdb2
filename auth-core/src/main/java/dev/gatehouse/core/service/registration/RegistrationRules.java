package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's registration settings: the mode, and the email address whose verified owner
 * becomes an administrator on registering ({@code GATEHOUSE_ADMIN_EMAIL}; empty: nobody does).
 */
public record RegistrationRules(RegistrationMode mode, Optional<String> adminEmail) {

    public RegistrationRules {
        Objects.requireNonNull(mode, "mode");
        adminEmail = Objects.requireNonNull(adminEmail, "adminEmail").filter(e -> !e.isBlank())
                .map(EmailAddress::normalise);
    }

    /** Registration closed, no administrator email: the default. */
    public static RegistrationRules closed() {
        return new RegistrationRules(RegistrationMode.CLOSED, Optional.empty());
    }

    /** True if {@code email}, verified, makes its owner an administrator. */
    public boolean makesAdmin(Optional<String> email, boolean verified) {
        return verified && email.isPresent() && adminEmail.filter(a -> EmailAddress.same(a, email.get())).isPresent();
    }

    /**
     * Counts every registration attempt per client address, successful or not: 10 an hour are
     * free, then waits start at 1 second and double up to 15 minutes.
     */
    public static SignInThrottle throttle(Clock clock) {
        SignInThrottle.Limits perAddress = new SignInThrottle.Limits(10, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofHours(1));
        SignInThrottle.Limits never = new SignInThrottle.Limits(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO,
                Duration.ZERO);
        return new SignInThrottle(clock, perAddress, never, never);
    }
}

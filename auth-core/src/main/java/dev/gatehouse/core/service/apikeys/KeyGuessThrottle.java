package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.AddressBlock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bounds online guessing of API keys (static keys and imported keys may be short) per client
 * address, counted by {@link AddressBlock}: after the free allowance of wrong keys, every key from
 * that address — a right one too — waits, and the wait doubles with each further wrong key.
 *
 * <p>It sits on the path of every keyed request, so it is made to cost nothing while nobody is
 * guessing: no store, no lock, and with no address counted not even the client's address is
 * worked out. A right key never clears the count, or a caller with one key of their own could
 * reset it between guesses. Memory is bounded; counts are forgotten after a quiet period.
 */
public final class KeyGuessThrottle {

    /** Addresses remembered at most; beyond, the forgotten and those still in their allowance go first. */
    static final int MAX_ADDRESSES = 100_000;

    /** Defaults: 20 wrong keys an address are free, then 1 second doubling to 15 minutes; forgotten after a quiet hour. */
    public static KeyGuessThrottle defaults(Clock clock) {
        return new KeyGuessThrottle(clock,
                new SignInThrottle.Limits(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)));
    }

    /** A throttle that never holds anyone back (embedders with their own, tests). */
    public static KeyGuessThrottle off() {
        return new KeyGuessThrottle(Clock.systemUTC(),
                new SignInThrottle.Limits(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    private final Clock clock;
    private final SignInThrottle.Limits limits;
    private final boolean never;
    private final Map<String, Wrong> wrong = new ConcurrentHashMap<>();

    public KeyGuessThrottle(Clock clock, SignInThrottle.Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.never = limits.freeFailures() == Integer.MAX_VALUE;
    }

    /**
     * How long a key from this address must wait, or empty if it may be looked up now.
     * {@code address} is only asked for when some address has wrong keys counted.
     */
    public Optional<Duration> wait(Supplier<String> address) {
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        String block = AddressBlock.of(address.get());
        Wrong seen = wrong.get(block);
        if (seen == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (limits.forgotten(seen.last(), now)) {
            wrong.remove(block, seen);
            return Optional.empty();
        }
        Duration left = Duration.between(now, seen.last().plus(limits.waitAfter(seen.count())));
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        return Optional.of(SignInThrottle.roundedUp(left));
    }

    /** A key from {@code address} that is no key Gatehouse knows. */
    public void wrongKey(String address) {
        if (never) {
            return;
        }
        Instant now = clock.instant();
        if (wrong.size() >= MAX_ADDRESSES) {
            makeRoom(now);
        }
        wrong.compute(AddressBlock.of(address), (block, seen) ->
                seen == null || limits.forgotten(seen.last(), now) ? new Wrong(1, now) : new Wrong(seen.count() + 1, now));
    }

    /** Addresses counted now (for tests and the memory bound). */
    int size() {
        return wrong.size();
    }

    /** Down to nine tenths of the bound, so the sweep runs once per many new addresses, not for each. */
    private void makeRoom(Instant now) {
        int target = MAX_ADDRESSES - MAX_ADDRESSES / 10;
        wrong.values().removeIf(seen -> limits.forgotten(seen.last(), now));
        if (wrong.size() > target) {
            wrong.values().removeIf(seen -> seen.count() < limits.freeFailures());
        }
        Iterator<String> any = wrong.keySet().iterator();
        while (wrong.size() > target && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    private record Wrong(int count, Instant last) {
    }
}

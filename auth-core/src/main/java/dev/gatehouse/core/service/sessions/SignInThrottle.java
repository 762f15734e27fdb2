package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.service.support.AddressBlock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing with growing waits, counted per client address, per account and
 * address together, and per account from anywhere. Addresses are counted by {@link AddressBlock}:
 * an IPv6 client by its /64.
 *
 * <p>An attempt {@linkplain #reserve reserves} its slot before the password is checked and counts
 * as a failure while it is checked, so parallel attempts cannot all slip through while the first
 * ones are still being hashed: beyond the free allowance they are refused without a check. The
 * outcome then settles the slot: {@link #failed} keeps it, {@link #succeeded} and {@link #released}
 * give it back.
 *
 * <p>The per-account count stops guessing spread over many addresses, but it must not let a
 * stranger lock the owner out: an address the account signed in from successfully before is not
 * held back by failures that came from elsewhere (only by its own). A throttled attempt is
 * refused before any password is checked and does not count as another failure. Counts are
 * forgotten after a quiet period; memory is bounded (the least recently seen keys go first).
 */
public final class SignInThrottle {

    /** Failures allowed before waits start, the first wait (doubling from there), the longest, and when to forget. */
    public record Limits(int freeFailures, Duration firstWait, Duration longestWait, Duration forgetAfter) {
        public Limits {
            if (freeFailures < 0 || firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
                throw new IllegalArgumentException("Throttle limits need freeFailures >= 0 and firstWait <= longestWait.");
            }
        }

        public Duration waitAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(30, failures - freeFailures);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }

        /** True when a count last added to at {@code last} is forgotten by {@code now}. */
        public boolean forgotten(Instant last, Instant now) {
            return Duration.between(last, now).compareTo(forgetAfter) > 0;
        }
    }

    /** Defaults: per address 20 free then 1 s doubling to 15 min; per account and address 5 free; per account 10 free, at most 1 min. */
    public static SignInThrottle defaults(Clock clock) {
        return new SignInThrottle(clock,
                new Limits(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)),
                new Limits(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)),
                new Limits(10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15)));
    }

    /** A throttle that never holds anyone back (tests, embedders with their own). */
    public static SignInThrottle off() {
        Limits never = new Limits(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        return new SignInThrottle(Clock.systemUTC(), never, never, never);
    }

    private static final int MAX_KEYS = 100_000;
    private static final int GOOD_ADDRESSES_PER_ACCOUNT = 5;
    private static final Deque<String> EMPTY = new ArrayDeque<>();

    private final Clock clock;
    private final Limits perAddress;
    private final Limits perPair;
    private final Limits perAccount;
    private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };
    private final Map<String, Deque<String>> goodAddresses = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<String>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public SignInThrottle(Clock clock, Limits perAddress, Limits perPair, Limits perAccount) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.perPair = perPair;
        this.perAccount = perAccount;
    }

    /**
     * Takes a slot for an attempt that is about to be checked: empty means go ahead (the attempt
     * counts as a failure until {@link #succeeded} or {@link #released} gives the slot back);
     * otherwise how long to wait, and nothing was counted.
     */
    public synchronized Optional<Duration> reserve(String account, String address) {
        String block = AddressBlock.of(address);
        Instant now = clock.instant();
        boolean trusted = goodAddresses.getOrDefault(account, EMPTY).contains(block);
        Duration wait = remaining(addressKey(block), perAddress, now);
        wait = longer(wait, remaining(pairKey(account, block), perPair, now));
        if (!trusted) {
            wait = longer(wait, remaining(accountKey(account), perAccount, now));
        }
        if (!wait.isZero()) {
            return Optional.of(roundedUp(wait));
        }
        entry(addressKey(block), perAddress, now).inFlight++;
        entry(pairKey(account, block), perPair, now).inFlight++;
        entry(accountKey(account), perAccount, now).inFlight++;
        return Optional.empty();
    }

    /** The attempt failed (a wrong password, an unknown account, a wrong code): its slot, if it had one, stays as a failure now. */
    public synchronized void failed(String account, String address) {
        String block = AddressBlock.of(address);
        Instant now = clock.instant();
        count(addressKey(block), perAddress, now);
        count(pairKey(account, block), perPair, now);
        count(accountKey(account), perAccount, now);
    }

    /** A successful sign-in: the slot is given back, this address is trusted for the account; the account's count from elsewhere stays. */
    public synchronized void succeeded(String account, String address) {
        String block = AddressBlock.of(address);
        release(addressKey(block));
        failures.remove(pairKey(account, block));
        release(accountKey(account));
        Deque<String> good = goodAddresses.computeIfAbsent(account, a -> new ArrayDeque<>());
        good.remove(block);
        good.addFirst(block);
        while (good.size() > GOOD_ADDRESSES_PER_ACCOUNT) {
            good.removeLast();
        }
    }

    /** Neither success nor failure (the right password for a locked account, an error): the slot is given back. */
    public synchronized void released(String account, String address) {
        String block = AddressBlock.of(address);
        release(addressKey(block));
        release(pairKey(account, block));
        release(accountKey(account));
    }

    /** The wait left for {@code key}, counting the attempts in flight as failures. */
    private Duration remaining(String key, Limits limits, Instant now) {
        Failures seen = failures.get(key);
        if (seen == null) {
            return Duration.ZERO;
        }
        if (seen.inFlight == 0 && limits.forgotten(seen.last, now)) {
            failures.remove(key);
            return Duration.ZERO;
        }
        // Attempts still being checked are failures happening now: a slow check must not let the wait run out.
        Instant from = seen.inFlight > 0 ? now : seen.last;
        Duration left = Duration.between(now, from.plus(limits.waitAfter(seen.count + seen.inFlight)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The entry for {@code key}, made (or started afresh, if forgotten) for an attempt now. */
    private Failures entry(String key, Limits limits, Instant now) {
        Failures seen = failures.get(key);
        if (seen == null || seen.inFlight == 0 && limits.forgotten(seen.last, now)) {
            seen = new Failures(now);
            failures.put(key, seen);
        }
        return seen;
    }

    private void count(String key, Limits limits, Instant now) {
        Failures seen = entry(key, limits, now);
        if (seen.inFlight > 0) {
            seen.inFlight--;
        }
        seen.count++;
        seen.last = now;
    }

    private void release(String key) {
        Failures seen = failures.get(key);
        if (seen == null || seen.inFlight == 0) {
            return; // forgotten or pushed out meanwhile: nothing to give back
        }
        seen.inFlight--;
        if (seen.inFlight == 0 && seen.count == 0) {
            failures.remove(key);
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A wait as Retry-After gives it: whole seconds, rounded up, at least one. */
    public static Duration roundedUp(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static String addressKey(String address) {
        return "ip\u0000" + address;
    }

    private static String pairKey(String account, String address) {
        return "pair\u0000" + account + "\u0000" + address;
    }

    private static String accountKey(String account) {
        return "account\u0000" + account;
    }

    /** Failures counted, attempts still being checked, and when the last failure (or first attempt) was. */
    private static final class Failures {
        int count;
        int inFlight;
        Instant last;

        Failures(Instant last) {
            this.last = last;
        }
    }
}

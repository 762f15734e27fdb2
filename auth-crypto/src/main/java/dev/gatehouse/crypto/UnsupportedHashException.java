package dev.gatehouse.crypto;

/**
 * A stored hash this module cannot check: unknown scheme, malformed, truncated or asking for
 * absurd costs. Internal: the delegating hasher turns it into {@code UNSUPPORTED} and one log
 * line, so callers never see it. The message never quotes the password or the hash.
 */
final class UnsupportedHashException extends Exception {

    UnsupportedHashException(String whatIsWrong) {
        // No stack trace: this is an expected outcome on a hot path, not a bug to debug.
        super(whatIsWrong, null, false, false);
    }
}

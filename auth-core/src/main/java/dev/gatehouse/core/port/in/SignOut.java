package dev.gatehouse.core.port.in;

/** Ends the session that a token belongs to. Unknown or expired tokens are ignored. */
public interface SignOut {

    /** {@code true} if a session ended. */
    boolean signOut(String token, String clientIp);
}

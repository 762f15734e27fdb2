package dev.gatehouse.http.access;

/** The role names {@code @Secured} asks for; a caller's come from their account ({@link CallerAuthentication}). */
public final class Roles {

    /** Administrators: managing users, keys of others, the audit log, metrics. */
    public static final String ADMIN = "ADMIN";
    /** Every account, administrators too. */
    public static final String USER = "USER";

    private Roles() {
    }
}

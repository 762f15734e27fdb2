package dev.gatehouse.cli.audit.archfixture;

import dev.gatehouse.cli.user.archfixture.UserCommandUsingAdapter;

/** The other half of {@link UserCommandUsingAdapter}'s cycle. */
public final class AuditCommandUsingUser {

    public UserCommandUsingAdapter user;
}

package dev.gatehouse.cli.user.archfixture;

import dev.gatehouse.cli.audit.archfixture.AuditCommandUsingUser;
import dev.gatehouse.crypto.PasswordHashers;

/** Deliberate violations, imported only by CliLayeringTest: a command knowing an adapter, in a package cycle. */
public final class UserCommandUsingAdapter {

    public AuditCommandUsingUser audit;

    public Object hasher() {
        return PasswordHashers.standard();
    }
}

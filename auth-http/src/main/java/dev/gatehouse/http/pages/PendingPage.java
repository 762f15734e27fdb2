package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.User;
import java.time.Instant;
import java.util.List;

/** Registrations waiting for an administrator's approval. */
public record PendingPage(Shell shell, String mode, List<Row> users) {

    /** One pending account. */
    public record Row(String username, String email, Moment registered) {
        static Row of(User user, Instant now) {
            return new Row(user.username().value(), user.email().orElse(""), Moment.of(user.createdAt(), now));
        }
    }
}

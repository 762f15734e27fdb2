package dev.gatehouse.http.api.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.http.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of {@code GET /api/admin/users}: {@code next} is the {@code after} for the following
 * page and is {@code null} (written out, not left out) on the last one.
 */
@Serdeable
public record UserPage(List<UserView> users, @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) String next, long total) {

    public static UserPage of(ListUsers.Page page) {
        return new UserPage(page.users().stream().map(UserView::full).toList(),
                page.next().map(Username::value).orElse(null), page.total());
    }
}

package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.Permissions;
import java.util.List;

/**
 * An administrator's page for one user ({@code /admin/users/{name}}): their role, each feature with
 * its default and the user's own setting, the models they may use, and their sign-in methods; and acting as them.
 */
public record UserRightsPage(Shell shell, String username, boolean admin, List<FeatureRow> features,
                             boolean allModels, String models, boolean self, SignInMethods methods) {

    public UserRightsPage {
        features = List.copyOf(features);
    }

    /** One feature: {@code setting} is {@code on}, {@code off} or {@code default}; {@code on} what applies. */
    public record FeatureRow(String name, boolean byDefault, String setting, boolean on) {
    }

    /** Administrators may act as any other user who is not an administrator (the server refuses locked or pending ones). */
    public boolean canImpersonate() {
        return !admin && !self;
    }

    static UserRightsPage of(Shell shell, EffectiveRights rights, Permissions settings, boolean self,
                             SignInMethods methods) {
        List<FeatureRow> rows = rights.features().stream().map(f -> new FeatureRow(f.name(), f.byDefault(),
                !settings.features().containsKey(f.name()) ? "default" : settings.features().get(f.name()) ? "on" : "off",
                f.on())).toList();
        return new UserRightsPage(shell, rights.username().value(), rights.admin(), rows, settings.models().all(),
                String.join(", ", settings.models().patterns()), self, methods);
    }
}

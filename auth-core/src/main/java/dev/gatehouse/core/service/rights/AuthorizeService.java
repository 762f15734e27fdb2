package dev.gatehouse.core.service.rights;

import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a request's feature and model. Key scopes come first and bind everyone, administrators
 * too: {@code models:GLOB} scopes limit the models, every other scope the features (exactly, or
 * a prefix ending in {@code *}, as {@link Principal#grants} reads them);
 * a key without scopes of a kind is not narrowed in that kind. Then administrators may use
 * everything; anyone else needs the feature on (their own setting, else the operator's default)
 * and the model allowed. A caller limited to some models is refused when the request's model could
 * not be seen ({@link Authorize.Query#modelUnseen}). The user's settings are read from the store
 * for every check that needs them, or reused while the store's change count says nothing changed
 * since they were read ({@link KeptRights}), so a change from any process applies to the next
 * request; a store that fails means no.
 */
public final class AuthorizeService implements Authorize {

    static final String MODEL_SCOPE = "models:";
    /** The subject of a denial for a model Gatehouse could not see. */
    static final String UNSEEN = "(not seen)";
    private static final String SEND_MODEL = "the proxy must send X-Gatehouse-Model or forward the body"
            + " (docs/deployment.md).";

    private static final String MAP_ROUTE = "an administrator can map the route in GATEHOUSE_ROUTES"
            + " (docs/configuration.md).";

    private final KeptRights rights;
    private final FeatureCatalog catalog;

    public AuthorizeService(PermissionStore permissions, FeatureCatalog catalog) {
        this.rights = new KeptRights(permissions);
        this.catalog = catalog;
    }

    @Override
    public Decision authorizeAll(List<Query> queries) {
        Permissions read = null;
        for (Query query : queries) {
            Decision decision = withoutStore(query).orElse(null);
            if (decision == null) {
                if (read == null) {
                    try {
                        read = rights.read(query.user().username());
                    } catch (StoreException e) {
                        String who = query.user().username().value();
                        return new Denied(What.UNREADABLE, who, "Could not read the rights of '" + who + "'; refused. "
                                + "An administrator should check the store.");
                    }
                }
                decision = decide(query, read);
            }
            if (decision instanceof Denied) {
                return decision;
            }
        }
        return new Allowed();
    }

    @Override
    public Optional<Decision> fromMemoryAll(List<Query> queries) {
        Permissions kept = null;
        for (Query query : queries) {
            Decision decision = withoutStore(query).orElse(null);
            if (decision == null) {
                if (kept == null) {
                    Optional<Permissions> remembered = rights.kept(query.user().username());
                    if (remembered.isEmpty()) {
                        return Optional.empty();
                    }
                    kept = remembered.get();
                }
                decision = decide(query, kept);
            }
            if (decision instanceof Denied) {
                return Optional.of(decision);
            }
        }
        return Optional.of(new Allowed());
    }

    private Decision decide(Query query, Permissions rights) {
        String who = query.user().username().value();
        if (query.unrestrictedOnly()) {
            boolean everyFeature = catalog.names().stream().allMatch(f -> rights.hasFeature(f, catalog));
            if (!everyFeature || !rights.models().all()) {
                return new Denied(What.ROUTE, "", who + " may not use every feature and model, and no route rule says"
                        + " what this request uses; " + MAP_ROUTE);
            }
        }
        if (query.feature().isPresent() && !rights.hasFeature(query.feature().get(), catalog)) {
            String feature = query.feature().get();
            return new Denied(What.FEATURE, feature, who + " may not use the feature '" + feature + "'; "
                    + "an administrator can turn it on.");
        }
        if (query.modelUnseen() && !rights.models().all()) {
            return new Denied(What.MODEL, UNSEEN, who + " may use only the models " + rights.models().describe()
                    + ", and which model this request uses could not be seen; " + SEND_MODEL);
        }
        if (query.model().isPresent() && !rights.models().allows(query.model().get())) {
            String model = query.model().get();
            return new Denied(What.MODEL, model, who + " may not use the model '" + model + "'; allowed: "
                    + rights.models().describe() + ".");
        }
        return new Allowed();
    }

    @Override
    public Optional<Decision> withoutStore(Query query) {
        Optional<Decision> byScopes = byScopes(query);
        if (byScopes.isPresent()) {
            return byScopes;
        }
        if (query.user().isAdmin()
                || query.feature().isEmpty() && query.model().isEmpty() && !query.modelUnseen() && !query.unrestrictedOnly()) {
            return Optional.of(new Allowed());
        }
        if (query.feature().isPresent() && !catalog.knows(query.feature().get())) {
            String feature = query.feature().get();
            return Optional.of(new Denied(What.FEATURE, feature, "'" + feature + "' is not a feature of this server;"
                    + " the features are: " + catalog.known() + "."));
        }
        return Optional.empty();
    }

    private static Optional<Decision> byScopes(Query query) {
        if (query.scopes().isEmpty()) {
            return Optional.empty(); // sessions and unscoped keys: nothing to narrow, nothing to sort out
        }
        if (query.unrestrictedOnly()) {
            return Optional.of(new Denied(What.ROUTE, "", "This key has scopes (" + String.join(", ", query.scopes())
                    + "), and no route rule says what this request uses, so no scope can allow it; " + MAP_ROUTE));
        }
        List<String> modelScopes = query.scopes().stream().filter(s -> s.startsWith(MODEL_SCOPE))
                .map(s -> s.substring(MODEL_SCOPE.length())).toList();
        List<String> featureScopes = query.scopes().stream().filter(s -> !s.startsWith(MODEL_SCOPE)).toList();
        if (query.feature().isPresent() && !featureScopes.isEmpty()
                && featureScopes.stream().noneMatch(scope -> Principal.grants(scope, query.feature().get()))) {
            String feature = query.feature().get();
            return Optional.of(new Denied(What.FEATURE, feature, "This key may not use the feature '" + feature
                    + "'; its scopes allow only: " + String.join(", ", featureScopes) + ". Use a key with that scope."));
        }
        if (query.modelUnseen() && !modelScopes.isEmpty()) {
            return Optional.of(new Denied(What.MODEL, UNSEEN, "This key may use only the models "
                    + String.join(", ", modelScopes) + ", and which model this request uses could not be seen; "
                    + SEND_MODEL));
        }
        if (query.model().isPresent() && !modelScopes.isEmpty()
                && modelScopes.stream().noneMatch(glob -> ModelAccess.globMatches(glob, query.model().get()))) {
            String model = query.model().get();
            return Optional.of(new Denied(What.MODEL, model, "This key may not use the model '" + model
                    + "'; its scopes allow only: " + String.join(", ", modelScopes) + ". Use a key with that scope."));
        }
        return Optional.empty();
    }
}

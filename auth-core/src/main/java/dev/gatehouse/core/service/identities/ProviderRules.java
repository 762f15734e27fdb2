package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the operator says about one provider: whether its verified addresses may link an identity
 * to an existing account ({@code trustedForEmail}), whether it must give a verified address at
 * all, and how the values of its roles claim ({@link dev.gatehouse.core.model.identities.ExternalIdentity#groups()})
 * become rights: {@code adminValues} make an administrator; {@code featureGrants} turn features on
 * and {@code modelGrants} allow models (issue 6's permissions). Values are compared exactly, as
 * the provider sends them ({@code /admins} and {@code admins} differ).
 *
 * <p>Applied at every sign-in through the provider. With {@code groupsAuthoritative} the provider
 * decides: someone no longer in an admin group loses the administrator role, a mapped feature
 * whose group they left is turned off, and their models are exactly what their groups allow.
 * Without it, groups only ever add. The username {@code admin} is always an administrator
 * (llms.py's rule) and is never demoted by a provider.
 */
public record ProviderRules(boolean trustedForEmail, boolean verifiedEmailRequired, Set<String> adminValues,
                            boolean groupsAuthoritative, Map<String, Set<String>> featureGrants,
                            Map<String, List<String>> modelGrants) {

    private static final ProviderRules DEFAULTS = new ProviderRules(false, false, Set.of(), false, Map.of(), Map.of());

    public ProviderRules {
        adminValues = Set.copyOf(new TreeSet<>(Objects.requireNonNull(adminValues, "adminValues")));
        Map<String, Set<String>> features = new TreeMap<>();
        Objects.requireNonNull(featureGrants, "featureGrants").forEach((group, names) -> features.put(
                Objects.requireNonNull(group, "group"), Set.copyOf(names.stream().map(FeatureCatalog::checkedName).toList())));
        featureGrants = Map.copyOf(features);
        Map<String, List<String>> models = new TreeMap<>();
        Objects.requireNonNull(modelGrants, "modelGrants").forEach((group, patterns) -> models.put(
                Objects.requireNonNull(group, "group"), ModelAccess.only(List.copyOf(patterns)).patterns()));
        modelGrants = Map.copyOf(models);
    }

    /** Nothing trusted, nothing required, no roles mapped: a provider the operator said nothing more about. */
    public static ProviderRules defaults() {
        return DEFAULTS;
    }

    public ProviderRules withTrustedForEmail(boolean trusted) {
        return new ProviderRules(trusted, verifiedEmailRequired, adminValues, groupsAuthoritative, featureGrants, modelGrants);
    }

    public ProviderRules withVerifiedEmailRequired(boolean required) {
        return new ProviderRules(trustedForEmail, required, adminValues, groupsAuthoritative, featureGrants, modelGrants);
    }

    public ProviderRules withAdminValues(Collection<String> values) {
        return new ProviderRules(trustedForEmail, verifiedEmailRequired, Set.copyOf(values), groupsAuthoritative,
                featureGrants, modelGrants);
    }

    public ProviderRules withGroupsAuthoritative(boolean authoritative) {
        return new ProviderRules(trustedForEmail, verifiedEmailRequired, adminValues, authoritative, featureGrants, modelGrants);
    }

    /** Members of {@code group} get {@code features} turned on. */
    public ProviderRules withFeatureGrant(String group, Set<String> features) {
        Map<String, Set<String>> more = new HashMap<>(featureGrants);
        more.put(group, features);
        return new ProviderRules(trustedForEmail, verifiedEmailRequired, adminValues, groupsAuthoritative, more, modelGrants);
    }

    /** Members of {@code group} may use the models these names or patterns match. */
    public ProviderRules withModelGrant(String group, List<String> patterns) {
        Map<String, List<String>> more = new HashMap<>(modelGrants);
        more.put(group, patterns);
        return new ProviderRules(trustedForEmail, verifiedEmailRequired, adminValues, groupsAuthoritative, featureGrants, more);
    }

    /** True if one of {@code groups} makes an administrator. */
    public boolean makesAdmin(List<String> groups) {
        return groups.stream().anyMatch(adminValues::contains);
    }

    /**
     * {@code user} with the administrator role as {@code groups} give it: granted to members of an
     * admin group; taken from others only when the groups are authoritative. Unchanged when no
     * admin values are set.
     */
    public User applyRoles(User user, List<String> groups) {
        if (adminValues.isEmpty()) {
            return user;
        }
        if (makesAdmin(groups)) {
            return user.isAdmin() ? user : user.withRoles(EnumSet.of(Role.ADMIN, Role.USER));
        }
        boolean demote = groupsAuthoritative && user.isAdmin() && !user.username().equals(Username.ADMIN);
        return demote ? user.withRoles(EnumSet.of(Role.USER)) : user;
    }

    /** {@code current} with the features and models {@code groups} grant; unchanged when nothing is mapped. */
    public Permissions applyGrants(Permissions current, List<String> groups) {
        Permissions result = current;
        if (!featureGrants.isEmpty()) {
            Set<String> granted = union(featureGrants, groups);
            Map<String, Boolean> features = new LinkedHashMap<>(current.features());
            if (groupsAuthoritative) {
                featureGrants.values().forEach(names -> names.forEach(name -> features.put(name, false)));
            }
            granted.forEach(name -> features.put(name, true));
            result = result.withFeatures(features);
        }
        if (!modelGrants.isEmpty()) {
            Set<String> allowed = union(modelGrants, groups);
            if (groupsAuthoritative) {
                result = result.withModels(ModelAccess.only(List.copyOf(allowed)));
            } else if (!current.models().all() && !allowed.isEmpty()) {
                Set<String> more = new LinkedHashSet<>(current.models().patterns());
                more.addAll(allowed);
                result = result.withModels(ModelAccess.only(List.copyOf(more)));
            }
        }
        return result;
    }

    /** The features named in any grant, for checking them against the operator's catalog. */
    public Set<String> mappedFeatures() {
        Set<String> names = new TreeSet<>();
        featureGrants.values().forEach(names::addAll);
        return names;
    }

    private static Set<String> union(Map<String, ? extends Collection<String>> grants, List<String> groups) {
        Set<String> all = new LinkedHashSet<>();
        groups.stream().filter(grants::containsKey).forEach(group -> all.addAll(grants.get(group)));
        return all;
    }
}

package dev.gatehouse.core.service.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.Authorize.Allowed;
import dev.gatehouse.core.port.in.Authorize.Decision;
import dev.gatehouse.core.port.in.Authorize.Denied;
import dev.gatehouse.core.port.in.Authorize.Query;
import dev.gatehouse.core.port.in.Authorize.What;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizingRequestsTest {

    private final CoreFixture core = new CoreFixture();
    private final AuthorizeService authorize = new AuthorizeService(core.permissions, FeatureCatalog.localAi());
    private final User root = core.add("root", "amber-kettle-river-9", true);
    private final User alice = core.add("alice", "plum-tulip-ferry-42", false);

    private Decision ask(User user, Set<String> scopes, String feature, String model) {
        return authorize.authorize(new Query(user, scopes, Optional.ofNullable(feature), Optional.ofNullable(model)));
    }

    private void limitAlice(Map<String, Boolean> features, String... models) {
        core.permissions.put(alice.username(), new Permissions(features, ModelAccess.only(List.of(models))));
    }

    @Test
    void aUserWithoutSettingsHasTheDefaultFeaturesAndEveryModel() {
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", "gpt-4"));
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "images", null));
        Denied agents = assertInstanceOf(Denied.class, ask(alice, Set.of(), "agents", null));
        assertEquals(What.FEATURE, agents.refused());
        assertEquals("agents", agents.subject());
    }

    @Test
    void aUsersOwnSettingsOverrideTheDefaults() {
        limitAlice(Map.of("agents", true, "images", false), "llama-*");
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "agents", "llama-3"));
        assertInstanceOf(Denied.class, ask(alice, Set.of(), "images", null));
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", null));
    }

    @Test
    void aModelOutsideTheAllowListIsDeniedNamingWhatIsAllowed() {
        limitAlice(Map.of(), "llama-*", "mistral");
        Denied denied = assertInstanceOf(Denied.class, ask(alice, Set.of(), "chat", "gpt-4"));
        assertEquals(What.MODEL, denied.refused());
        assertEquals("alice may not use the model 'gpt-4'; allowed: llama-*,mistral.", denied.message());
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", "llama-3.1-8b"));
        assertInstanceOf(Denied.class, ask(alice, Set.of(), "chat", "Llama-3"), "patterns are case-sensitive");
    }

    @Test
    void noModelInTheRequestMeansNoModelCheck() {
        limitAlice(Map.of(), "llama-*");
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", null));
    }

    @Test
    void aModelThatCouldNotBeSeenIsRefusedToWhoeverIsLimitedToSomeModels() {
        Query unseen = new Query(alice, Set.of(), Optional.of("chat"), Optional.empty(), true);
        assertInstanceOf(Allowed.class, authorize.authorize(unseen), "every model allowed: nothing to check");
        limitAlice(Map.of(), "llama-*");
        Denied denied = assertInstanceOf(Denied.class, authorize.authorize(unseen));
        assertEquals(What.MODEL, denied.refused());
        assertEquals("alice may use only the models llama-*, and which model this request uses could not be seen;"
                + " the proxy must send X-Gatehouse-Model or forward the body (docs/deployment.md).", denied.message());

        Query byScopedKey = new Query(root, Set.of("models:llama-3"), Optional.of("chat"), Optional.empty(), true);
        Denied scoped = assertInstanceOf(Denied.class, authorize.withoutStore(byScopedKey).orElseThrow(),
                "a key limited to some models, administrators' too, without reading the store");
        assertEquals(What.MODEL, scoped.refused());
        assertInstanceOf(Allowed.class, authorize.authorize(
                new Query(root, Set.of(), Optional.of("chat"), Optional.empty(), true)), "administrators are not limited");
        assertInstanceOf(Allowed.class, authorize.authorize(
                new Query(alice, Set.of(), Optional.of("chat"), Optional.of("llama-3"), true)), "a model seen is checked");
    }

    @Test
    void administratorsMayUseEveryFeatureAndModelWhateverIsSet() {
        core.permissions.put(root.username(), new Permissions(Map.of("chat", false), ModelAccess.only(List.of())));
        assertInstanceOf(Allowed.class, ask(root, Set.of(), "chat", "gpt-4"));
        assertInstanceOf(Allowed.class, ask(root, Set.of(), "agents", null));
        assertInstanceOf(Allowed.class, ask(root, Set.of(), "not_in_catalog", null));
    }

    @Test
    void keyScopesNarrowAdministratorsToo() {
        Denied feature = assertInstanceOf(Denied.class, ask(root, Set.of("chat"), "images", null));
        assertTrue(feature.message().contains("only: chat"), feature.message());
        Denied model = assertInstanceOf(Denied.class, ask(root, Set.of("models:llama-3"), "chat", "mistral"));
        assertEquals(What.MODEL, model.refused());
        assertInstanceOf(Allowed.class, ask(root, Set.of("models:llama-3"), "chat", "llama-3"));
    }

    @Test
    void aKeyWithOnlyModelScopesMayDoWhatTheUserMayWithThoseModels() {
        Set<String> scopes = Set.of("models:llama-3");
        assertInstanceOf(Allowed.class, ask(alice, scopes, "images", "llama-3"));
        assertInstanceOf(Denied.class, ask(alice, scopes, "chat", "mistral"));
        assertInstanceOf(Denied.class, ask(alice, scopes, "agents", "llama-3"), "the user's own rights still apply");
        assertInstanceOf(Allowed.class, ask(alice, scopes, "chat", null), "no model asked: no model check");
    }

    @Test
    void theManagementScopeGrantsNoFeature() {
        Set<String> manage = Set.of(dev.gatehouse.core.model.apikeys.ApiKey.MANAGE_SCOPE);
        assertInstanceOf(Denied.class, ask(root, manage, "chat", null), "a management key is not for the AI server");
        assertInstanceOf(Allowed.class, ask(root, Set.of("chat", dev.gatehouse.core.model.apikeys.ApiKey.MANAGE_SCOPE), "chat", null));
    }

    @Test
    void featureScopesMatchExactlyOrByATrailingStar() {
        assertInstanceOf(Allowed.class, ask(alice, Set.of("audio_*"), "audio_speech", null));
        assertInstanceOf(Denied.class, ask(alice, Set.of("audio_*"), "chat", null));
        assertInstanceOf(Allowed.class, ask(alice, Set.of("chat", "models:*"), "chat", "anything"));
    }

    @Test
    void aScopeCannotGiveWhatTheUserLacks() {
        limitAlice(Map.of("chat", false), "llama-*");
        assertInstanceOf(Denied.class, ask(alice, Set.of("chat"), "chat", null));
        assertInstanceOf(Denied.class, ask(alice, Set.of("models:*"), "images", "gpt-4"));
    }

    @Test
    void aFeatureNotInTheCatalogIsDeniedForUsersListingTheKnownOnes() {
        Denied denied = assertInstanceOf(Denied.class, ask(alice, Set.of(), "teleport", null));
        assertTrue(denied.message().contains("the features are: chat, images"), denied.message());
    }

    @Test
    void aStoreThatFailsDeniesAndNeverAllows() {
        core.permissions.failing(true);
        Denied denied = assertInstanceOf(Denied.class, ask(alice, Set.of(), "chat", "llama-3"));
        assertEquals(What.UNREADABLE, denied.refused());
        assertTrue(denied.message().contains("Could not read the rights of 'alice'; refused."), denied.message());
    }

    @Test
    void aChangeAppliesToTheVeryNextCheck() {
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", "gpt-4"));
        limitAlice(Map.of(), "llama-*");
        assertInstanceOf(Denied.class, ask(alice, Set.of(), "chat", "gpt-4"));
        core.permissions.remove(Username.of("alice"));
        assertInstanceOf(Allowed.class, ask(alice, Set.of(), "chat", "gpt-4"));
    }

    @Test
    void onlyChecksThatNeedTheStoreAreLeftUndecidedWithoutIt() {
        core.permissions.failing(true);
        Query nothing = new Query(alice, Set.of(), Optional.empty(), Optional.empty());
        assertEquals(Optional.of(new Allowed()), authorize.withoutStore(nothing));
        Query admin = new Query(root, Set.of(), Optional.of("chat"), Optional.of("x"));
        assertEquals(Optional.of(new Allowed()), authorize.withoutStore(admin));
        Query user = new Query(alice, Set.of(), Optional.of("chat"), Optional.empty());
        assertEquals(Optional.empty(), authorize.withoutStore(user));
    }

    @Test
    void globsMatchTheWholeNameWithStarAndQuestionMark() {
        assertTrue(ModelAccess.globMatches("llama-*", "llama-"));
        assertTrue(ModelAccess.globMatches("*-7b*", "mistral-7b-instruct"));
        assertTrue(ModelAccess.globMatches("qwen?.5", "qwen2.5"));
        assertTrue(!ModelAccess.globMatches("qwen?.5", "qwen12.5"));
        assertTrue(!ModelAccess.globMatches("llama", "llama-3"));
        assertTrue(ModelAccess.globMatches("*", ""));
    }

    @Test
    void onlyACallerWithNoRestrictionIsUnrestricted() {
        java.util.function.BiFunction<User, Set<String>, Decision> unrestricted =
                (user, scopes) -> authorize.authorize(Query.unrestricted(user, scopes));
        assertInstanceOf(Allowed.class, unrestricted.apply(root, Set.of()));
        Denied byDefault = assertInstanceOf(Denied.class, unrestricted.apply(alice, Set.of()));
        assertEquals(What.ROUTE, byDefault.refused(), "agents and three more are off by default");
        Map<String, Boolean> every = new java.util.HashMap<>();
        FeatureCatalog.localAi().names().forEach(f -> every.put(f, true));
        core.permissions.put(alice.username(), new Permissions(every, ModelAccess.everything()));
        assertInstanceOf(Allowed.class, unrestricted.apply(alice, Set.of()));
        assertEquals(What.ROUTE, assertInstanceOf(Denied.class, unrestricted.apply(alice, Set.of("models:*"))).refused());
        assertEquals(What.ROUTE, assertInstanceOf(Denied.class, unrestricted.apply(root, Set.of("chat"))).refused(),
                "a scope binds administrators too");
        core.permissions.put(alice.username(), new Permissions(every, ModelAccess.only(List.of("*"))));
        assertInstanceOf(Denied.class, unrestricted.apply(alice, Set.of()), "a model list, even *, is a restriction");
    }

    @Test
    void aModelNotSeenIsRefusedToALimitedCallerEvenWithoutAFeature() {
        limitAlice(Map.of(), "llama-*");
        Query unseen = new Query(alice, Set.of(), Optional.empty(), Optional.empty(), true);
        assertEquals(What.MODEL, assertInstanceOf(Denied.class, authorize.authorize(unseen)).refused());
        core.permissions.remove(alice.username());
        assertInstanceOf(Allowed.class, authorize.authorize(unseen));
    }
}

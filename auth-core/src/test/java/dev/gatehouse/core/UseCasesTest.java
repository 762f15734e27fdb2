package dev.gatehouse.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.service.identities.ProviderRules;
import dev.gatehouse.core.service.identities.ProviderSettings;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryStores;
import dev.gatehouse.core.testing.MutableClock;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UseCasesTest {

    private static final String PASSWORD = "plum-tulip-ferry-42";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));

    private UseCases useCases(UseCases.Settings settings) {
        return new UseCases(InMemoryStores.create(), new FastTestHasher(), clock, settings);
    }

    @Test
    void everyUseCaseOfThePortsIsBuilt() throws IOException {
        UseCases useCases = useCases(UseCases.Settings.defaults());
        Set<String> ports;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/gatehouse/core/port/in"))) {
            ports = files.map(file -> file.getFileName().toString().replace(".java", ""))
                    .filter(name -> !name.equals("Refused") && !name.equals("package-info"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> built = new TreeSet<>();
        for (Method accessor : UseCases.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers())
                    && type.getPackageName().equals("dev.gatehouse.core.port.in")) {
                assertNotNull(invoke(accessor, useCases), accessor.getName());
                built.add(type.getSimpleName());
            }
        }

        assertTrue(ports.size() > 25, "read the ports from the wrong place: " + ports);
        assertEquals(ports, built, "every port.in interface needs its accessor in UseCases");
    }

    @Test
    void theUseCasesShareTheirDigestsSoASessionFromSignInIsValid() {
        UseCases useCases = useCases(UseCases.Settings.defaults());
        useCases.addUser().add(new AddUser.Command(Actor.operator(), Username.of("alice"), Password.of(PASSWORD), true));

        SignIn.SignedIn in = assertInstanceOf(SignIn.SignedIn.class, useCases.signIn().signIn(
                new SignIn.Command("alice", Password.of(PASSWORD), "192.0.2.1", "test")));

        assertEquals("alice", useCases.validateSession().validate(in.token()).orElseThrow().user().username().value());
        assertTrue(useCases.validateSession().validate(in.token() + "x").isEmpty(), "a changed token is refused");
    }

    @Test
    void aKeyUseNotedByIdentificationShowsInTheListingBeforeItIsWritten() {
        UseCases useCases = useCases(UseCases.Settings.defaults());
        useCases.addUser().add(new AddUser.Command(Actor.operator(), Username.of("alice"), Password.of(PASSWORD), true));
        MintApiKey.Minted minted = assertInstanceOf(MintApiKey.Minted.class, useCases.mintApiKey().mint(
                new MintApiKey.Command(Actor.operator(), Optional.of(Username.of("alice")), Optional.empty(),
                        Optional.empty(), Set.of())));

        assertInstanceOf(IdentifyCaller.Identified.class, useCases.identifyCaller().identify(minted.secret()));
        assertInstanceOf(IdentifyCaller.Unknown.class, useCases.identifyCaller().identify(minted.secret() + "x"));

        assertEquals(1, useCases.lastUsedRecorder().pending());
        ListApiKeys.Listed listed = assertInstanceOf(ListApiKeys.Listed.class,
                useCases.listApiKeys().list(Actor.operator(), Optional.empty()));
        assertEquals(Optional.of(clock.instant()), listed.keys().get(0).lastUsedAt());
    }

    @Test
    void repeatedWrongPasswordsAreThrottledUnlessTheSettingsSayOtherwise() {
        assertTrue(wrongSignInsUntilThrottled(useCases(UseCases.Settings.defaults())).isPresent());
        assertEquals(Optional.empty(), wrongSignInsUntilThrottled(useCases(UseCases.Settings.defaults().unthrottled())));
    }

    private static Optional<Integer> wrongSignInsUntilThrottled(UseCases useCases) {
        useCases.addUser().add(new AddUser.Command(Actor.operator(), Username.of("bob"), Password.of(PASSWORD), false));
        for (int attempt = 1; attempt <= 50; attempt++) {
            SignIn.Result result = useCases.signIn().signIn(new SignIn.Command("bob", Password.of("wrong-" + PASSWORD),
                    "192.0.2.7", "test"));
            if (result instanceof SignIn.Throttled) {
                return Optional.of(attempt);
            }
        }
        return Optional.empty();
    }

    @Test
    void aProviderSignInThroughTheUseCasesOpensASessionThatValidates() {
        UseCases.Settings settings = UseCases.Settings.defaults()
                .withRegistration(new RegistrationRules(RegistrationMode.OPEN, Optional.empty()))
                .withProviders(ProviderSettings.none().with(ProviderName.GITHUB,
                        ProviderRules.defaults().withAdminValues(List.of("acme/admins"))));
        UseCases useCases = useCases(settings);
        ExternalIdentity octocat = new ExternalIdentity(ProviderName.GITHUB, "583231", "octocat", Optional.empty(),
                false, List.of("acme/admins"), Optional.empty());

        SignInWithProvider.SignedIn in = assertInstanceOf(SignInWithProvider.SignedIn.class, useCases.signInWithProvider()
                .signIn(SignInWithProvider.Command.signIn(octocat, Optional.empty(), "192.0.2.1", "test")));

        assertTrue(in.user().isAdmin(), "the provider rules from the settings applied");
        assertEquals("octocat", useCases.validateSession().validate(in.token()).orElseThrow().user().username().value());
        assertInstanceOf(ListSignInMethods.Methods.class,
                useCases.listSignInMethods().list(Actor.operator(), Username.of("octocat")));
    }

    @Test
    void aProviderGrantingAFeatureTheServerDoesNotOfferStopsTheBuild() {
        UseCases.Settings settings = UseCases.Settings.defaults().withProviders(ProviderSettings.none()
                .with(ProviderName.GITHUB, ProviderRules.defaults().withFeatureGrant("acme", Set.of("telepathy"))));
        assertThrows(IllegalArgumentException.class, () -> useCases(settings));
    }

    private static Object invoke(Method accessor, UseCases useCases) {
        try {
            return accessor.invoke(useCases);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(accessor + " failed", e);
        }
    }
}

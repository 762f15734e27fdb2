package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.apikeys.Principal.Credential;
import dev.gatehouse.core.port.in.IdentifyCaller.Identified;
import dev.gatehouse.core.port.in.IdentifyCaller.NotUsable;
import dev.gatehouse.core.port.in.IdentifyCaller.Unknown;
import dev.gatehouse.core.port.in.IdentifyCaller.Why;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys from configuration keep working as legacy, read-only keys and never touch the store. */
class StaticKeysTest {

    private static final String LONG_KEY = "f3a9c1e07b5d42e8a6c0d9b1e4f7a2c5";
    private static final String SHORT_KEY = "localai-secret";
    private final CoreFixture core = new CoreFixture();

    private StaticKeys configured(Optional<Username> mappedTo) {
        return StaticKeys.parse(LONG_KEY + ", " + SHORT_KEY + ",", mappedTo, core.clock.instant());
    }

    @Test
    void aStaticKeyActsAsTheBuiltInAdministratorWithoutAnyStoreLookup() {
        IdentifyCallerService identify = core.identifyCaller(configured(Optional.empty()));
        Principal principal = assertInstanceOf(Identified.class, identify.identify(SHORT_KEY)).principal();
        assertEquals(Username.of("apikey"), principal.username());
        assertTrue(principal.isAdmin());
        assertEquals(Credential.STATIC_KEY, principal.how());
        assertEquals(0, core.countedKeys.lookups.get());
        assertInstanceOf(Unknown.class, identify.identify(SHORT_KEY + "x"));
    }

    @Test
    void aStaticKeyMappedToAUserActsAsThemWhileTheyAreActive() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("ops", "plum-tulip-ferry-42", false);
        IdentifyCallerService identify = core.identifyCaller(configured(Optional.of(Username.of("ops"))));
        assertEquals(Username.of("ops"), assertInstanceOf(Identified.class, identify.identify(LONG_KEY)).principal().username());
        core.lockUser.lock(Actor.operator(), Username.of("ops"), "");
        assertEquals(Why.OWNER_NOT_ACTIVE, assertInstanceOf(NotUsable.class, identify.identify(LONG_KEY)).why());
    }

    @Test
    void staticKeysAreListedAsLegacyWithoutTheirSecret() {
        StaticKeys keys = configured(Optional.empty());
        assertEquals(2, keys.listed().size());
        ApiKey first = keys.listed().get(0);
        assertTrue(first.isLegacy());
        assertEquals("config-1", first.id().value());
        assertEquals("GATEHOUSE_API_KEYS #1", first.name());
        assertEquals("f3a9", first.displayPrefix(), "a long key shows 4 characters");
        assertEquals("", keys.listed().get(1).displayPrefix(), "a short key shows none");
        assertEquals(Optional.of("config:GATEHOUSE_API_KEYS"), first.legacyVerifier());
        assertFalse(first.toString().contains(LONG_KEY));
    }

    @Test
    void listedStaticKeysAreToldApartFromStoredOnes() {
        assertTrue(configured(Optional.empty()).listed().stream().allMatch(StaticKeys::isConfigured));
        assertFalse(StaticKeys.isConfigured(Samples.apiKey("alice", core.clock.instant())));
        assertFalse(StaticKeys.isConfigured(Samples.importedApiKey("alice")));
    }

    @Test
    void aTooShortStaticKeyIsRefusedWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaticKeys.parse("abc", Optional.empty(), core.clock.instant()));
        assertTrue(e.getMessage().contains("at least 8"), e.getMessage());
    }

    @Test
    void noStaticKeysMatchNothing() {
        assertTrue(StaticKeys.none().isEmpty());
        assertEquals(Optional.empty(), StaticKeys.none().match(LONG_KEY));
        assertTrue(StaticKeys.parse(" , ", Optional.empty(), core.clock.instant()).isEmpty());
    }
}

package dev.gatehouse.core.model.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API keys and principals refuse nonsense and keep their times and scopes tidy. */
class ApiKeyModelTest {

    private static final Instant T = Instant.parse("2026-01-10T09:00:00.123456Z");
    private static final String DIGEST = "ab".repeat(32);
    private static final ApiKeyId ID = new ApiKeyId("Ab3dEf9Gh1Jk2Lm3");
    private static final Username ALICE = Username.of("alice");

    private static ApiKey key(String name, String digest, Optional<Instant> expires, Set<String> scopes,
                              ApiKey.Origin origin, Optional<String> verifier) {
        return new ApiKey(ID, ALICE, name, digest, "gate_Ab3dEf9", T, expires, Optional.empty(), scopes,
                Optional.empty(), origin, verifier);
    }

    private static ApiKey key(String name) {
        return key(name, DIGEST, Optional.empty(), Set.of(), ApiKey.Origin.MINTED, Optional.empty());
    }

    @Test
    void namesAreTrimmedOneLineAndAtMostAHundredCharacters() {
        assertEquals("laptop", key("  laptop ").name());
        assertEquals(100, key("x".repeat(100)).name().length());
        for (String bad : new String[] {"", "   ", null, "x".repeat(101), "two\nlines", "tab\there"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> key(bad), String.valueOf(bad));
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void scopesAreLowerCaseWordsAndComeBackSorted() {
        ApiKey scoped = key("k", DIGEST, Optional.empty(), Set.of("models:llama-*", "chat", "a.b_c"), ApiKey.Origin.MINTED,
                Optional.empty());
        assertEquals(List.of("a.b_c", "chat", "models:llama-*"), List.copyOf(scoped.scopes()));
        for (String bad : new String[] {"Chat", "", "-chat", "chat now", "x".repeat(65), "caf\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> key("k", DIGEST, Optional.empty(), Set.of(bad),
                    ApiKey.Origin.MINTED, Optional.empty()), bad);
        }
    }

    @Test
    void aMintedKeyHasADigestAndAnImportedOneADigestOrAVerifier() {
        assertThrows(IllegalArgumentException.class, () -> key("k", "", Optional.empty(), Set.of(), ApiKey.Origin.MINTED,
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> key("k", "AB".repeat(32), Optional.empty(), Set.of(),
                ApiKey.Origin.MINTED, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> key("k", "", Optional.empty(), Set.of(),
                ApiKey.Origin.IMPORTED, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> key("k", DIGEST, Optional.empty(), Set.of(),
                ApiKey.Origin.MINTED, Optional.of("llmux-sha256:abc")));
        ApiKey imported = key("k", "", Optional.empty(), Set.of(), ApiKey.Origin.IMPORTED,
                Optional.of("llmux-sha256:6oZqdX5MOLq/qBJ8vppAnT4fk6AP8UiP9zX8+Rev/9A="));
        assertTrue(imported.isLegacy());
    }

    @Test
    void timesAreKeptToTheMillisecondAndAKeyExpiresAfterItIsCreated() {
        ApiKey key = key("k", DIGEST, Optional.of(T.plusSeconds(60)), Set.of(), ApiKey.Origin.MINTED, Optional.empty());
        assertEquals(Instant.parse("2026-01-10T09:00:00.123Z"), key.createdAt());
        assertThrows(IllegalArgumentException.class, () -> key("k", DIGEST, Optional.of(T), Set.of(),
                ApiKey.Origin.MINTED, Optional.empty()));
        assertFalse(key.isExpired(T.plusSeconds(59)));
        assertTrue(key.isExpired(T.plusSeconds(60)));
        assertFalse(key.usable(T.plusSeconds(60)));
    }

    @Test
    void aRevokedKeyKeepsItsFirstRevocationAndLastUseNeverMovesBack() {
        ApiKey revoked = key("k").revoked(T.plusSeconds(10)).revoked(T.plusSeconds(20));
        assertEquals(Optional.of(Times.truncate(T.plusSeconds(10))), revoked.revokedAt());
        assertFalse(revoked.usable(T));
        ApiKey used = key("k").usedAt(T.plusSeconds(30)).usedAt(T.plusSeconds(5));
        assertEquals(Optional.of(Times.truncate(T.plusSeconds(30))), used.lastUsedAt());
        assertTrue(used.sameKeyAs(key("k").withName("renamed").revoked(T)));
    }

    @Test
    void aKeyNeverPrintsItsDigest() {
        assertFalse(key("k").toString().contains(DIGEST));
    }

    @Test
    void aPrincipalsScopesNarrowWhatItMayDoAndWildcardsEndAScope() {
        User alice = User.create(ALICE, "h", Set.of(), T);
        ApiKey scoped = key("k", DIGEST, Optional.empty(), Set.of("chat", "models:llama-*"), ApiKey.Origin.MINTED,
                Optional.empty());
        Principal principal = Principal.ofApiKey(alice, scoped);
        assertTrue(principal.permits("chat"));
        assertTrue(principal.permits("models:llama-3"));
        assertFalse(principal.permits("models:qwen"));
        assertFalse(principal.permits("images"));
        assertTrue(Principal.ofApiKey(alice, key("k")).permits("images"));
        assertEquals("api", principal.actor("192.0.2.1").via());
        assertThrows(IllegalArgumentException.class, () -> new Principal(alice, Principal.Credential.SESSION,
                Optional.empty(), Optional.of(scoped), Set.of()));
    }

    @Test
    void onlyTheManagementScopeItselfLetsAScopedKeyManageAndNoMisspellingOfItIsAScope() {
        User alice = User.create(ALICE, "h", Set.of(), T);
        java.util.function.Function<Set<String>, Principal> keyed = scopes -> Principal.ofApiKey(alice,
                key("k", DIGEST, Optional.empty(), scopes, ApiKey.Origin.MINTED, Optional.empty()));
        assertTrue(keyed.apply(Set.of()).mayManage(), "a key without scopes acts as its owner");
        assertTrue(keyed.apply(Set.of("chat", ApiKey.MANAGE_SCOPE)).mayManage());
        for (Set<String> scopes : List.of(Set.of("chat"), Set.of("gatehouse*"), Set.of("g*"), Set.of("models:*"))) {
            assertFalse(keyed.apply(scopes).mayManage(), scopes + " is for the AI server only");
        }
        for (String bad : new String[] {"gatehouse:admin", "gatehouse:*", "gatehouse:manage2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> key("k", DIGEST,
                    Optional.empty(), Set.of(bad), ApiKey.Origin.MINTED, Optional.empty()), bad);
            assertTrue(e.getMessage().contains(ApiKey.MANAGE_SCOPE), e.getMessage());
        }
    }

    @Test
    void keyIdsAreUrlSafeWordsOfEightToSixtyFourCharacters() {
        assertEquals("sas-id_0123456789", new ApiKeyId("sas-id_0123456789").value());
        for (String bad : new String[] {"short", "has space1", "x".repeat(65), "slash/id1"}) {
            assertThrows(IllegalArgumentException.class, () -> new ApiKeyId(bad), bad);
        }
    }
}

package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.port.in.IdentifyCaller.Identified;
import dev.gatehouse.core.port.in.IdentifyCaller.Unknown;
import dev.gatehouse.core.port.in.ImportApiKeys;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys another system kept in plain text work once imported, and until some are, text that is not
 * a Gatehouse key is turned away without the store.
 */
class PlainImportedKeysTest {

    private static final String OTHER_PRODUCTS_KEY = "sk-proj-0123456789abcdefghijklmnopqrstuvwxyz";

    private final CoreFixture core = new CoreFixture();
    private final ImportApiKeysService importKeys = new ImportApiKeysService(core.users, core.countedKeys, core.tokens,
            dev.gatehouse.core.port.out.SecureRandomSource.system(), core.audit);

    @BeforeEach
    void anAdministrator() {
        core.add("admin", "plum-tulip-ferry-42", true);
    }

    private ImportApiKeys.Report importPlain(String key) {
        return importKeys.importKeys(Actor.operator(), "llmux:auth.json", List.of(new ImportApiKeys.Entry("entry 1",
                "admin", "shared", new ImportApiKeys.PlainText(key), core.clock.instant(), Optional.empty(),
                Optional.empty())));
    }

    @Test
    void withoutPlainImportsAnotherProductsKeyIsRefusedFromMemoryAfterOneQuestion() {
        core.countedKeys.tells = true;
        assertInstanceOf(Unknown.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY));
        assertEquals(1, core.countedKeys.lookups.get(), "the store was asked once whether it holds plain imports");
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Unknown.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY));
            assertInstanceOf(Unknown.class, core.identifyCaller.fromMemory(OTHER_PRODUCTS_KEY).orElseThrow());
        }
        assertEquals(1, core.countedKeys.lookups.get(), "and not again while nothing changed");
        assertInstanceOf(Unknown.class, core.identifyCaller.fromMemory("gate_typo").orElseThrow());
        assertInstanceOf(Unknown.class, core.identifyCaller.fromMemory("short").orElseThrow());
    }

    @Test
    void anImportedPlainKeyIdentifiesItsOwnerAndIsKeptLikeAMintedOne() {
        core.countedKeys.tells = true;
        assertInstanceOf(Unknown.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY));

        ImportApiKeys.Report report = importPlain(OTHER_PRODUCTS_KEY);

        assertEquals(1, report.imported());
        assertTrue(core.identifyCaller.fromMemory(OTHER_PRODUCTS_KEY).isEmpty(), "the import is a change: ask the store");
        Identified found = assertInstanceOf(Identified.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY));
        assertEquals("admin", found.principal().username().value());
        assertTrue(found.principal().apiKey().orElseThrow().isLegacy());
        assertEquals("admin", assertInstanceOf(Identified.class,
                core.identifyCaller.fromMemory(OTHER_PRODUCTS_KEY).orElseThrow()).principal().username().value());
        assertInstanceOf(Unknown.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY + "x"));
    }

    @Test
    void onAStoreWithoutAChangeCountPlainImportsAreSeenWithoutRestarting() {
        ImportApiKeys.Report report = importPlain(OTHER_PRODUCTS_KEY);
        assertEquals(1, report.imported());
        assertInstanceOf(Identified.class, core.identifyCaller.identify(OTHER_PRODUCTS_KEY));
        assertTrue(core.identifyCaller.fromMemory(OTHER_PRODUCTS_KEY).isEmpty(), "nothing is kept without a count");
    }

    @Test
    void importingTheSameKeyAgainAddsNothingAndGatehouseShapedOrShortTextIsSkipped() {
        assertEquals(1, importPlain(OTHER_PRODUCTS_KEY).imported());
        ImportApiKeys.Report again = importPlain(OTHER_PRODUCTS_KEY);
        assertEquals(0, again.imported());
        assertEquals(1, again.alreadyPresent());
        assertTrue(importPlain("gate_0123456789").skipped().get(0).contains("not start with gate_"));
        assertTrue(importPlain("short").skipped().get(0).contains("8 to 512 visible ASCII"));
        assertEquals(1, core.auditLog.all().stream().filter(e -> e.action().equals(ImportApiKeysService.IMPORT))
                .count(), "only the key added is audited");
    }
}

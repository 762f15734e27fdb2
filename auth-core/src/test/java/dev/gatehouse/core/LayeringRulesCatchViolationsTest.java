package dev.gatehouse.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** {@link CoreLayeringTest}'s cycle rules, shown failing on deliberate cycles (test classes only). */
class LayeringRulesCatchViolationsTest {

    @Test
    void aCycleBetweenServiceCapabilitiesIsCaught() {
        assertTrue(CoreLayeringTest.serviceCapabilitiesAreFreeOfCycles.evaluate(new ClassFileImporter().importClasses(
                dev.gatehouse.core.service.accounts.archfixture.AccountsUsingSessions.class,
                dev.gatehouse.core.service.sessions.archfixture.SessionsUsingAccounts.class)).hasViolation());
    }

    @Test
    void aCycleBetweenModelCapabilitiesIsCaught() {
        assertTrue(CoreLayeringTest.modelCapabilitiesAreFreeOfCycles.evaluate(new ClassFileImporter().importClasses(
                dev.gatehouse.core.model.accounts.archfixture.AccountsUsingSessions.class,
                dev.gatehouse.core.model.sessions.archfixture.SessionsUsingAccounts.class)).hasViolation());
    }
}

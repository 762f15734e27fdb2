package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.http.access.archfixture.AccessUsingWeb;
import dev.gatehouse.http.api.accounts.archfixture.AccountsReachingAcross;
import dev.gatehouse.http.api.sessions.archfixture.SessionsFixture;
import dev.gatehouse.http.pages.archfixture.PageFixture;
import dev.gatehouse.http.web.archfixture.WebUsingAccess;
import dev.gatehouse.store.json.JsonStores;
import org.junit.jupiter.api.Test;

/** Each of {@link HttpLayeringTest}'s rules, shown failing on a deliberate violation (test classes only). */
class LayeringRulesCatchViolationsTest {

    private final JavaClasses violations = new ClassFileImporter().importClasses(WebUsingAccess.class,
            AccessUsingWeb.class, AccountsReachingAcross.class, SessionsFixture.class, PageFixture.class,
            JsonStores.class);

    @Test
    void aCycleBetweenTwoPackagesIsCaught() {
        assertCaught(HttpLayeringTest.packagesAreFreeOfCycles);
    }

    @Test
    void webReachingUpIntoAccessIsCaught() {
        assertCaught(HttpLayeringTest.webAndConfigDependOnNothingAboveThem);
    }

    @Test
    void oneApiCapabilityUsingAnotherIsCaught() {
        assertCaught(HttpLayeringTest.apiCapabilitiesAreIndependent);
    }

    @Test
    void theApiUsingAPageIsCaught() {
        assertCaught(HttpLayeringTest.theApiDoesNotUseThePages);
    }

    @Test
    void anAdapterUsedOutsideTheWiringIsCaught() {
        assertCaught(HttpLayeringTest.onlyTheWiringKnowsTheAdapters);
    }

    private void assertCaught(ArchRule rule) {
        assertTrue(rule.evaluate(violations).hasViolation(), "the rule let a violation through: " + rule.getDescription());
    }
}

package dev.gatehouse.store.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The JDBC adapter depends on core, the JDK, and its database stack (Micronaut Data, Flyway, the
 * SQLite and PostgreSQL drivers, HikariCP): never on another adapter or an app.
 */
@AnalyzeClasses(packages = "dev.gatehouse.store.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcStoreLayeringTest {

    @ArchTest
    static final ArchRule USES_ONLY_CORE_THE_JDK_AND_ITS_DATABASE_STACK = classes()
            .that().resideInAPackage("dev.gatehouse.store.jdbc..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.store.jdbc..", "dev.gatehouse.core..", "java..", "javax..",
                    "io.micronaut..", "jakarta..", "org.flywaydb..", "org.sqlite..", "org.postgresql..", "com.zaxxer..");

    @ArchTest
    static final ArchRule USES_NO_OTHER_ADAPTER_OR_APP = noClasses()
            .that().resideInAPackage("dev.gatehouse.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.store.json..", "dev.gatehouse.crypto..", "dev.gatehouse.oauth..",
                    "dev.gatehouse.http..", "dev.gatehouse.cli..");

    /** Rules that cannot fail prove nothing: this test class uses JUnit and ArchUnit, which the allow-list forbids. */
    @Test
    void theAllowListCatchesAForbiddenDependency() {
        var offender = new ClassFileImporter().importClasses(JdbcStoreLayeringTest.class);
        assertTrue(USES_ONLY_CORE_THE_JDK_AND_ITS_DATABASE_STACK.evaluate(offender).hasViolation());
    }
}

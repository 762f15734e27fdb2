package dev.gatehouse.store.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The JDBC adapter depends on core only: never on another adapter or an app. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcStoreLayeringTest {

    @ArchTest
    static final ArchRule dependsOnCoreAlone = noClasses()
            .that().resideInAPackage("dev.gatehouse.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.store.json..", "dev.gatehouse.crypto..", "dev.gatehouse.oauth..",
                    "dev.gatehouse.http..", "dev.gatehouse.cli..")
            .allowEmptyShould(true);
}

package dev.gatehouse.store.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The JSON store is an adapter of core: it uses core, the JDK and Jackson, and no other adapter or app. */
@AnalyzeClasses(packages = "dev.gatehouse.store.json", importOptions = ImportOption.DoNotIncludeTests.class)
class JsonStoreLayeringTest {

    @ArchTest
    static final ArchRule USES_ONLY_CORE_THE_JDK_AND_JACKSON = classes()
            .that().resideInAPackage("dev.gatehouse.store.json..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.store.json..", "dev.gatehouse.core..", "java..", "javax..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule USES_NO_OTHER_ADAPTER_OR_APP = noClasses()
            .that().resideInAPackage("dev.gatehouse.store.json..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.crypto..", "dev.gatehouse.store.jdbc..", "dev.gatehouse.oauth..",
                    "dev.gatehouse.http..", "dev.gatehouse.cli..");

    /** Rules that cannot fail prove nothing: a test class here that uses JUnit must break the first one. */
    @Test
    void theAllowListCatchesAForbiddenDependency() {
        var offender = new ClassFileImporter().importClasses(JsonStoreLayeringTest.class);
        assertTrue(USES_ONLY_CORE_THE_JDK_AND_JACKSON.evaluate(offender).hasViolation());
    }
}

package dev.gatehouse.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server app assembles adapters; nothing depends on it, and it does not reach into the CLI. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpLayeringTest {

    @ArchTest
    static final ArchRule theServerDoesNotUseTheCli = noClasses()
            .that().resideInAPackage("dev.gatehouse.http..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingOutsideTheServerDependsOnIt = noClasses()
            .that().resideOutsideOfPackages("dev.gatehouse.http..", "dev.gatehouse.cli..") // `gatehouse serve` starts it
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.http..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheFactoryKnowsTheAdapters = noClasses()
            .that().resideInAPackage("dev.gatehouse.http..")
            .and().doNotHaveSimpleName("CoreFactory")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.store..", "dev.gatehouse.crypto..")
            .because("controllers and filters speak to core's ports; which store and hasher run is wiring");
}

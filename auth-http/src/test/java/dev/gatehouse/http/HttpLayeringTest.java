package dev.gatehouse.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    static final ArchRule onlyTheWiringKnowsTheAdapters = noClasses()
            .that().resideInAPackage("dev.gatehouse.http..")
            .and().resideOutsideOfPackage("dev.gatehouse.http.wiring..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.store..", "dev.gatehouse.crypto..",
                    "dev.gatehouse.oauth..")
            .because("controllers and filters speak to core's ports; which store, hasher and providers run is wiring");

    /** The server's packages use each other in one direction only. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.http.(*)..").should().beFreeOfCycles();

    /** One API capability never reaches into another: what they share lives in web or core. */
    @ArchTest
    static final ArchRule apiCapabilitiesAreIndependent = slices()
            .matching("dev.gatehouse.http.api.(*)..").should().notDependOnEachOther();

    /** The request vocabulary (web) and the settings (config) know nothing of the layers built on them. */
    @ArchTest
    static final ArchRule webAndConfigDependOnNothingAboveThem = noClasses()
            .that().resideInAnyPackage("dev.gatehouse.http.web..", "dev.gatehouse.http.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.http.access..",
                    "dev.gatehouse.http.api..", "dev.gatehouse.http.forwardauth..", "dev.gatehouse.http.pages..",
                    "dev.gatehouse.http.ops..", "dev.gatehouse.http.wiring..", "dev.gatehouse.http");

    /** The JSON API works without the web UI. */
    @ArchTest
    static final ArchRule theApiDoesNotUseThePages = noClasses()
            .that().resideInAPackage("dev.gatehouse.http.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.http.pages..");
}

package dev.gatehouse.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** auth-core depends on the JDK alone, and its layers point inward. */
@AnalyzeClasses(packages = "dev.gatehouse.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreLayeringTest {

    @ArchTest
    static final ArchRule coreDependsOnlyOnItselfAndTheJdk = classes()
            .that().resideInAPackage("dev.gatehouse.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.gatehouse.core..", "java..", "javax.crypto..");

    @ArchTest
    static final ArchRule theModelKnowsNoPortsOrServices = noClasses()
            .that().resideInAPackage("dev.gatehouse.core.model..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.gatehouse.core.port..", "dev.gatehouse.core.service..");

    @ArchTest
    static final ArchRule portsDoNotKnowServices = noClasses()
            .that().resideInAPackage("dev.gatehouse.core.port..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.core.service..");

    @ArchTest
    static final ArchRule servicesAreOnlyReachedThroughTheirPorts = classes()
            .that().resideInAPackage("dev.gatehouse.core.service..")
            .and().arePublic()
            .and().haveSimpleNameEndingWith("Service")
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a use case in port.in", (com.tngtech.archunit.core.domain.JavaClass c) ->
                            c.getPackageName().equals("dev.gatehouse.core.port.in")));

    /** Capabilities inside a layer may use each other, but never in a circle. */
    @ArchTest
    static final ArchRule modelCapabilitiesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.core.model.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule serviceCapabilitiesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.core.service.(*)..").should().beFreeOfCycles();
}

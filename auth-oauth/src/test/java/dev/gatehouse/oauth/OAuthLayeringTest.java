package dev.gatehouse.oauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The OAuth adapter depends on core and Nimbus only (never on another adapter, an app or a
 * framework, so it works as a plain library), and its packages point one way: config and flow
 * know no provider, and the two providers do not know each other.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class OAuthLayeringTest {

    @ArchTest
    static final ArchRule dependsOnCoreAlone = noClasses()
            .that().resideInAPackage("dev.gatehouse.oauth..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.gatehouse.store.json..", "dev.gatehouse.crypto..", "dev.gatehouse.store.jdbc..",
                    "dev.gatehouse.http..", "dev.gatehouse.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule usesOnlyCoreNimbusAndTheJdk = classes()
            .that().resideInAPackage("dev.gatehouse.oauth..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gatehouse.oauth..",
                    "dev.gatehouse.core.model..", "dev.gatehouse.core.port.out..", "com.nimbusds..", "java..",
                    "javax.net..");

    @ArchTest
    static final ArchRule settingsAndFlowKnowNoProvider = noClasses()
            .that().resideInAnyPackage("dev.gatehouse.oauth.config..", "dev.gatehouse.oauth.flow..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.oauth.oidc..",
                    "dev.gatehouse.oauth.github..");

    @ArchTest
    static final ArchRule oidcKnowsNothingOfGitHub = noClasses()
            .that().resideInAPackage("dev.gatehouse.oauth.oidc..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.oauth.github..");

    @ArchTest
    static final ArchRule githubKnowsNothingOfOidc = noClasses()
            .that().resideInAPackage("dev.gatehouse.oauth.github..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.oauth.oidc..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.oauth.(**)").should().beFreeOfCycles();
}

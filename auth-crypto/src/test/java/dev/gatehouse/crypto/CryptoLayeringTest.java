package dev.gatehouse.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** auth-crypto is a plain library: core's ports, the JDK and Bouncy Castle, nothing else. */
@AnalyzeClasses(packages = "dev.gatehouse.crypto", importOptions = ImportOption.DoNotIncludeTests.class)
class CryptoLayeringTest {

    @ArchTest
    static final ArchRule cryptoDependsOnlyOnCoreTheJdkAndBouncyCastle = classes()
            .that().resideInAPackage("dev.gatehouse.crypto..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.gatehouse.crypto..", "dev.gatehouse.core..", "java..",
                    "javax.crypto..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule cryptoKnowsNothingOfStoresAppsOrOAuth = noClasses()
            .that().resideInAPackage("dev.gatehouse.crypto..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.gatehouse.store..", "dev.gatehouse.http..", "dev.gatehouse.cli..",
                    "dev.gatehouse.oauth..");
}

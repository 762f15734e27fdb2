package dev.gatehouse.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.cli.archfixture.CommandReadingAStoreUrl;
import dev.gatehouse.cli.archfixture.CommandUsingTheServer;
import dev.gatehouse.cli.audit.archfixture.AuditCommandUsingUser;
import dev.gatehouse.cli.user.archfixture.UserCommandUsingAdapter;
import dev.gatehouse.core.archfixture.CoreClassUsingPicocli;
import dev.gatehouse.http.wiring.StoreUrl;
import dev.gatehouse.store.json.archfixture.StoreClassUsingCrypto;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-system check for the CLI app: every Gatehouse class on its class path (core, crypto,
 * the JSON store and the CLI itself), main code only.
 */
class CliLayeringTest {

    private static final String[] APPS = {"dev.gatehouse.cli..", "dev.gatehouse.http.."};
    private static final List<String> ADAPTERS = List.of("dev.gatehouse.store.json..", "dev.gatehouse.store.jdbc..",
            "dev.gatehouse.crypto..", "dev.gatehouse.oauth..");

    private static JavaClasses gatehouse;

    @BeforeAll
    static void importGatehouse() {
        gatehouse = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse");
    }

    static final ArchRule CLI_USES_NEITHER_HTTP_NOR_OAUTH = noClasses().that().resideInAPackage("dev.gatehouse.cli..")
            .and().doNotHaveSimpleName("ServeCommand")
            .should().dependOnClassesThat(resideInAnyPackage("dev.gatehouse.http..", "dev.gatehouse.oauth..")
                    .and(not(belongToAnyOf(StoreUrl.class))))
            .because("the CLI works on the store directly; only `gatehouse serve` starts the server app, and store"
                    + " URLs are read by the server's StoreUrl so both read them alike");

    static final ArchRule COMMAND_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("dev.gatehouse.cli.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule ONLY_THE_WIRING_KNOWS_THE_ADAPTERS = noClasses().that().resideInAPackage("dev.gatehouse.cli..")
            .and().resideOutsideOfPackages("dev.gatehouse.cli.wiring..", "dev.gatehouse.cli.serve..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
            .because("commands speak to core's use cases; which store and hasher run is wiring");

    static final ArchRule CORE_DEPENDS_ON_THE_JDK_ALONE = classes().that().resideInAPackage("dev.gatehouse.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gatehouse.core..", "java..", "javax.crypto..")
            .because("auth-core depends on the JDK alone");

    /** One rule per adapter: it may use core and libraries, but no other adapter and no app. */
    static Stream<ArchRule> adapterRules() {
        return ADAPTERS.stream().map(adapter -> noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(othersThan(adapter))
                .because("adapters plug into core's ports and know nothing of each other or of apps")
                .allowEmptyShould(true));
    }

    @Test
    void theImportSeesEveryModuleOnTheClassPath() {
        // Guards the rules below (some allow an empty match) against passing on an empty import.
        for (String name : List.of("dev.gatehouse.core.model.accounts.User", "dev.gatehouse.crypto.PasswordHashers",
                "dev.gatehouse.store.json.JsonStores", "dev.gatehouse.cli.Gatehouse")) {
            assertTrue(gatehouse.contain(name), name + " was not imported");
        }
    }

    @Test
    void theCliDependsOnNeitherHttpNorOauth() {
        CLI_USES_NEITHER_HTTP_NOR_OAUTH.check(gatehouse);
    }

    @Test
    void commandPackagesAreFreeOfCycles() {
        COMMAND_PACKAGES_ARE_FREE_OF_CYCLES.check(gatehouse);
    }

    @Test
    void onlyTheWiringKnowsTheAdapters() {
        ONLY_THE_WIRING_KNOWS_THE_ADAPTERS.check(gatehouse);
    }

    @Test
    void coreDependsOnTheJdkAlone() {
        CORE_DEPENDS_ON_THE_JDK_ALONE.check(gatehouse);
    }

    @Test
    void adaptersDependOnNeitherEachOtherNorApps() {
        adapterRules().forEach(rule -> rule.check(gatehouse));
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses violations = new ClassFileImporter().importClasses(CoreClassUsingPicocli.class, StoreClassUsingCrypto.class,
                UserCommandUsingAdapter.class, AuditCommandUsingUser.class);

        assertTrue(CORE_DEPENDS_ON_THE_JDK_ALONE.evaluate(violations).hasViolation(), "core rule let picocli through");
        assertTrue(adapterRules().anyMatch(rule -> rule.evaluate(violations).hasViolation()),
                "adapter rules let the JSON store use crypto");
        assertTrue(COMMAND_PACKAGES_ARE_FREE_OF_CYCLES.evaluate(violations).hasViolation(), "a package cycle went unseen");
        assertTrue(ONLY_THE_WIRING_KNOWS_THE_ADAPTERS.evaluate(violations).hasViolation(),
                "a command using crypto went unseen");
        assertTrue(CLI_USES_NEITHER_HTTP_NOR_OAUTH.evaluate(new ClassFileImporter().importClasses(
                CommandUsingTheServer.class)).hasViolation(), "a command may not use the server app");
        assertFalse(CLI_USES_NEITHER_HTTP_NOR_OAUTH.evaluate(new ClassFileImporter().importClasses(
                CommandReadingAStoreUrl.class)).hasViolation(), "a command may read a store URL with StoreUrl");
    }

    private static String[] othersThan(String adapter) {
        return Stream.concat(ADAPTERS.stream().filter(other -> !other.equals(adapter)), Arrays.stream(APPS))
                .toArray(String[]::new);
    }
}

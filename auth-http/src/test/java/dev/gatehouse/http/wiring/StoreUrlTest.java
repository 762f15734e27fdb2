package dev.gatehouse.http.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reader of store URLs: what it accepts, and how it refuses the rest (the CLI shows these words as usage errors). */
class StoreUrlTest {

    private static final String HOME = "/home/tester";

    @Test
    void aJsonUrlNamesADirectoryWithTildeExpanded() {
        assertEquals(new StoreUrl.JsonDirectory(Path.of("/home/tester/.gatehouse")), StoreUrl.parse("json:~/.gatehouse", HOME));
        assertEquals(new StoreUrl.JsonDirectory(Path.of("/home/tester")), StoreUrl.parse("json:~", HOME));
        assertEquals(new StoreUrl.JsonDirectory(Path.of("/srv/gate")), StoreUrl.parse("JSON:/srv/gate/", HOME));
    }

    @Test
    void aRelativeDirectoryIsMadeAbsolute() {
        StoreUrl.JsonDirectory url = (StoreUrl.JsonDirectory) StoreUrl.parse("json:data/users", HOME);

        assertEquals(Path.of("data/users").toAbsolutePath().normalize(), url.dir());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite:/var/lib/gatehouse.db", "postgres://db/gatehouse", "jdbc:postgresql://db/x",
            "postgresql://u:p@db:5433/x", "jdbc:sqlite:/tmp/x.db"})
    void databaseUrlsAreDatabases(String url) {
        assertTrue(StoreUrl.parse(url, HOME) instanceof StoreUrl.Database, url);
    }

    @Test
    void aSqlitePathStartingWithTildeIsInTheUsersHome() {
        StoreUrl.Database url = (StoreUrl.Database) StoreUrl.parse("sqlite:~/.gatehouse/gatehouse.db", HOME);

        assertEquals(java.util.Optional.of(Path.of("/home/tester/.gatehouse/gatehouse.db")), url.settings().sqliteFile());
        assertEquals("sqlite:/home/tester/.gatehouse/gatehouse.db", url.toString());
    }

    @Test
    void aDatabasePasswordIsMaskedWhenPrinted() {
        assertEquals("postgres://gate:****@db:5432/gh", StoreUrl.parse("postgres://gate:s3cret@db:5432/gh", HOME).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://localhost/0", "mysql://u:p@db/x", "http://example.com"})
    void otherSchemesAreRefusedNamingWhatIsSupported(String url) {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> StoreUrl.parse(url, HOME));

        assertTrue(problem.getMessage().contains("does not support; use sqlite:PATH"), problem::getMessage);
        assertTrue(problem.getMessage().contains("json:DIR"), problem::getMessage);
        assertFalse(problem.getMessage().contains(":p@"), problem::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "json:", "/just/a/path"})
    void emptyOrSchemelessUrlsAreRefused(String url) {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> StoreUrl.parse(url, HOME));

        assertTrue(problem.getMessage().contains("json:DIR"), problem::getMessage);
    }

    @Test
    void theSameDirectoryReachedThroughALinkIsTheSamePlace(@TempDir Path dir) throws java.io.IOException {
        Path real = java.nio.file.Files.createDirectory(dir.resolve("real"));
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), real);

        assertTrue(StoreUrl.parse("json:" + real, HOME).samePlaceAs(StoreUrl.parse("json:" + link + "/", HOME)));
        assertTrue(StoreUrl.parse("json:~/a/../b", HOME).samePlaceAs(StoreUrl.parse("json:/home/tester/b", HOME)));
        assertFalse(StoreUrl.parse("json:" + real, HOME).samePlaceAs(StoreUrl.parse("json:" + dir, HOME)));
    }

    @Test
    void openingAStoreThatMustExistRefusesAMissingDirectoryAndCreatesNothing(@TempDir Path dir) {
        StoreUrl missing = StoreUrl.parse("json:" + dir.resolve("typo"), HOME);

        StoreException problem = assertThrows(StoreException.class, missing::openExisting);

        assertTrue(problem.getMessage().startsWith("The store json:" + dir.resolve("typo") + " does not exist"),
                problem::getMessage);
        assertFalse(java.nio.file.Files.exists(dir.resolve("typo")));
    }

    @Test
    void aHomeDirectoryMeansTheSqliteFileInIt(@TempDir Path dir) {
        StoreUrl.Database url = (StoreUrl.Database) StoreUrl.inHome(dir.toString(), HOME, "--home");

        assertEquals(java.util.Optional.of(dir.resolve("gatehouse.db")), url.settings().sqliteFile());
    }

    @Test
    void aHomeDirectoryHoldingAnLlmsPyUsersFileIsRefusedNamingBothWaysOn(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("users.json"), "{}");

        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> StoreUrl.inHome(dir.toString(), HOME, "--home"));

        assertTrue(problem.getMessage().contains("--store json:" + dir), problem::getMessage);
        assertTrue(problem.getMessage().contains("gatehouse store migrate --from json:" + dir), problem::getMessage);
        assertFalse(java.nio.file.Files.exists(dir.resolve("gatehouse.db")), "nothing was created");
    }
}

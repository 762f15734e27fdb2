package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    @ValueSource(strings = {"sqlite:/var/lib/gatehouse.db", "postgres://db/gatehouse", "jdbc:postgresql://db/x"})
    void otherSchemesAreRefusedNamingWhatIsSupported(String url) {
        UsageException problem = assertThrows(UsageException.class, () -> StoreUrl.parse(url, HOME));

        assertTrue(problem.getMessage().contains("does not support; use json:DIR"), problem::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "json:", "/just/a/path"})
    void emptyOrSchemelessUrlsAreRefused(String url) {
        UsageException problem = assertThrows(UsageException.class, () -> StoreUrl.parse(url, HOME));

        assertTrue(problem.getMessage().contains("json:DIR"), problem::getMessage);
    }
}

package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link JdbcSettings#parse} makes of every accepted form of store URL, and how it refuses the rest. */
class StoreUrlParsingTest {

    @Test
    void anAbsoluteSqlitePathIsUsedAsIs() {
        JdbcSettings settings = JdbcSettings.parse("sqlite:/var/lib/gatehouse/gatehouse.db");
        assertEquals(Database.SQLITE, settings.database());
        assertEquals("jdbc:sqlite:/var/lib/gatehouse/gatehouse.db", settings.jdbcUrl());
        assertEquals("sqlite:/var/lib/gatehouse/gatehouse.db", settings.maskedUrl());
        assertEquals(Optional.of(Path.of("/var/lib/gatehouse/gatehouse.db")), settings.sqliteFile());
        assertEquals("", settings.username());
        assertEquals("", settings.password());
    }

    @Test
    void aRelativeSqlitePathIsResolvedAgainstTheWorkingDirectory() {
        JdbcSettings settings = JdbcSettings.parse("sqlite:data/../gatehouse.db");
        Path expected = Path.of("gatehouse.db").toAbsolutePath();
        assertEquals("jdbc:sqlite:" + expected, settings.jdbcUrl());
        assertEquals(Optional.of(expected), settings.sqliteFile());
    }

    @Test
    void aTildeMeansTheHomeDirectory() {
        JdbcSettings settings = JdbcSettings.parse("sqlite:~/.gatehouse/gatehouse.db");
        Path expected = Path.of(System.getProperty("user.home"), ".gatehouse", "gatehouse.db");
        assertEquals("jdbc:sqlite:" + expected, settings.jdbcUrl());
        assertEquals("sqlite:" + expected, settings.maskedUrl());
    }

    @Test
    void aPostgresUrlBecomesAJdbcUrlWithTheCredentialsApart() {
        JdbcSettings settings = JdbcSettings.parse("postgres://gate:s3cret@db.example.org:5433/gatehouse");
        assertEquals(Database.POSTGRESQL, settings.database());
        assertEquals("jdbc:postgresql://db.example.org:5433/gatehouse", settings.jdbcUrl());
        assertEquals("gate", settings.username());
        assertEquals("s3cret", settings.password());
        assertEquals("postgres://gate:****@db.example.org:5433/gatehouse", settings.maskedUrl());
        assertEquals(Optional.empty(), settings.sqliteFile());
    }

    @Test
    void thePostgresqlSchemeWorksTooAndQueryParametersPassThrough() {
        JdbcSettings settings = JdbcSettings.parse("postgresql://gate:pw@127.0.0.1/gh?sslmode=require&connectTimeout=3");
        assertEquals("jdbc:postgresql://127.0.0.1/gh?sslmode=require&connectTimeout=3", settings.jdbcUrl());
        assertEquals("postgresql://gate:****@127.0.0.1/gh?sslmode=require&connectTimeout=3", settings.maskedUrl());
    }

    @Test
    void userAndPasswordArePercentDecodedAndPlusStaysPlus() {
        JdbcSettings settings = JdbcSettings.parse("postgres://g%40te:p%3Aw%2Fd%25+%C3%A4@[::1]:5432/gh");
        assertEquals("g@te", settings.username());
        assertEquals("p:w/d%+ä", settings.password());
        assertEquals("jdbc:postgresql://[::1]:5432/gh", settings.jdbcUrl());
        assertEquals("postgres://g%40te:****@[::1]:5432/gh", settings.maskedUrl());
    }

    @Test
    void aPasswordWithAnUnencodedAtSignStillSplitsAtTheLastOne() {
        JdbcSettings settings = JdbcSettings.parse("postgres://gate:p@ss@localhost/gh");
        assertEquals("p@ss", settings.password());
        assertEquals("jdbc:postgresql://localhost/gh", settings.jdbcUrl());
        assertFalse(settings.maskedUrl().contains("p@ss"), settings.maskedUrl());
    }

    @Test
    void aUrlWithoutPasswordKeepsTheUser() {
        JdbcSettings settings = JdbcSettings.parse("postgres://gate@localhost:5432/gh");
        assertEquals("gate", settings.username());
        assertEquals("", settings.password());
        assertEquals("postgres://gate@localhost:5432/gh", settings.maskedUrl());
    }

    @Test
    void plainJdbcUrlsPassThroughWithTheirPasswordMasked() {
        JdbcSettings postgres = JdbcSettings.parse("jdbc:postgresql://localhost:5432/gh?user=gate&password=s3cret&ssl=true");
        assertEquals(Database.POSTGRESQL, postgres.database());
        assertEquals("jdbc:postgresql://localhost:5432/gh?user=gate&password=s3cret&ssl=true", postgres.jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/gh?user=gate&password=****&ssl=true", postgres.maskedUrl());

        JdbcSettings sqlite = JdbcSettings.parse("jdbc:sqlite:/tmp/g.db?cache_size=-8000");
        assertEquals(Database.SQLITE, sqlite.database());
        assertEquals("jdbc:sqlite:/tmp/g.db?cache_size=-8000", sqlite.jdbcUrl());
        assertEquals(Optional.of(Path.of("/tmp/g.db")), sqlite.sqliteFile());
    }

    @Test
    void settingsNeverPrintThePassword() {
        JdbcSettings settings = JdbcSettings.parse("postgres://gate:s3cret@localhost/gh");
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("postgres://gate:****@localhost/gh"), settings.toString());
    }

    @Test
    void theStoreKnowsWhichUrlsAreItsOwn() {
        assertTrue(JdbcSettings.accepts("sqlite:x.db"));
        assertTrue(JdbcSettings.accepts("POSTGRES://a@b/c"));
        assertTrue(JdbcSettings.accepts("jdbc:postgresql://b/c"));
        assertFalse(JdbcSettings.accepts("json:~/.llms"));
        assertFalse(JdbcSettings.accepts("mysql://a:b@c/d"));
        assertFalse(JdbcSettings.accepts(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root:hunter2@db/gh", "json:~/.llms/credentials", "gatehouse.db", "sqlite:",
            "postgres://gate:hunter2@/gh", "postgres://gate:hunter2@localhost", "postgres://gate:hunter2@localhost/",
            "postgres://gate:hun%2ter2@localhost/gh", "jdbc:mysql://db/gh?password=hunter2", "jdbc:sqlite:", " ",
            "sqlite:/tmp/g.db?mode=ro"})
    void anythingElseIsRefusedInOneLineThatNamesTheUrlButNotThePassword(String url) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> JdbcSettings.parse(url));
        String message = refusal.getMessage();
        assertFalse(message.contains("hunter2") || message.contains("hun%2ter2"), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("sqlite:PATH") && message.contains("postgres://USER:PASSWORD@HOST:PORT/DATABASE"), message);
        if (!url.isBlank()) {
            assertTrue(message.contains(StoreUrls.mask(url.strip())), message);
        }
    }

    @Test
    void aJsonUrlIsSentToTheJsonStore() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> JdbcSettings.parse("json:~/.llms/credentials"));
        assertTrue(refusal.getMessage().contains("JSON store"), refusal.getMessage());
    }

    @Test
    void masksCoverUserInfoAndPasswordParameters() {
        assertEquals("postgres://u:****@h/d", StoreUrls.mask("postgres://u:pw@h/d"));
        assertEquals("jdbc:postgresql://h/d?PASSWORD=****&user=u", StoreUrls.mask("jdbc:postgresql://h/d?PASSWORD=pw&user=u"));
        assertEquals("sqlite:/a:b@c.db", StoreUrls.mask("sqlite:/a:b@c.db"));
    }

    @Test
    void aPasswordHoldingAtSignsSlashesOrColonsIsHiddenWhole() {
        String url = "postgres://gate:p@ss/w:rd@127.0.0.1:5432/gh?sslmode=disable";
        JdbcSettings settings = JdbcSettings.parse(url);
        assertEquals("p@ss/w:rd", settings.password());
        assertEquals("postgres://gate:****@127.0.0.1:5432/gh?sslmode=disable", settings.maskedUrl());
        assertEquals("postgres://gate:****@127.0.0.1:5432/gh?sslmode=disable", JdbcSettings.mask(url));
        assertEquals("postgres://gate:****@h/d?x=a@b", StoreUrls.mask("postgres://gate:pw@h/d?x=a@b"));
    }

    @Test
    void anInMemorySqliteDatabaseIsRefusedWithTheReason() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JdbcSettings.parse("jdbc:sqlite::memory:"));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("in-memory database"), refused.getMessage());
    }
}

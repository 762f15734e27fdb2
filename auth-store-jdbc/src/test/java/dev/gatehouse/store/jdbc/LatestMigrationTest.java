package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Opening skips Flyway when a database is at {@code LATEST_VERSION}: that number must be the newest migration. */
class LatestMigrationTest {

    @Test
    void latestVersionIsTheNewestMigrationOfEveryDatabase() throws IOException, URISyntaxException {
        for (String location : new String[] {"db/migration/sqlite", "db/migration/postgresql"}) {
            Path folder = Path.of(getClass().getClassLoader().getResource(location).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                int newest = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.matches("V\\d+__.*\\.sql"))
                        .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                        .max().orElseThrow();
                assertEquals(newest, Migrations.LATEST_VERSION, location);
            }
        }
    }
}

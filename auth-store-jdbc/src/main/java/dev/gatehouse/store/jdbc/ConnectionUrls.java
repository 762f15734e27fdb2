package dev.gatehouse.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JDBC URLs actually used: the settings' URL plus the connection options Gatehouse relies on,
 * unless the URL already sets them.
 */
final class ConnectionUrls {

    private ConnectionUrls() {
    }

    /**
     * SQLite for the pool: a 10 s busy timeout and explicit read-only mode, in which sqlite-jdbc
     * begins read-only transactions DEFERRED (they run side by side) and upgrades every other
     * transaction to BEGIN IMMEDIATE at its first statement, so a writer takes the write lock up
     * front and never fails to upgrade a read lock ("database is locked"). Write-ahead logging,
     * in which readers never wait for the writer, is switched on once in the file
     * ({@link Migrations#enableWriteAheadLog}), not by every connection.
     */
    static String forPool(JdbcSettings settings) {
        if (settings.database() != Database.SQLITE) {
            return settings.jdbcUrl();
        }
        Map<String, String> options = sqliteBasics();
        options.put("jdbc.explicit_readonly", "true");
        return withOptions(settings.jdbcUrl(), options);
    }

    /** SQLite for Flyway: the same, but plain IMMEDIATE transactions (explicit read-only mode confuses Flyway). */
    static String forMigrations(JdbcSettings settings) {
        if (settings.database() != Database.SQLITE) {
            return settings.jdbcUrl();
        }
        Map<String, String> options = sqliteBasics();
        options.put("transaction_mode", "IMMEDIATE");
        return withOptions(settings.jdbcUrl(), options);
    }

    private static Map<String, String> sqliteBasics() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("synchronous", "FULL"); // a lock or password change survives a power cut
        options.put("busy_timeout", "10000");
        options.put("foreign_keys", "true");
        return options;
    }

    private static String withOptions(String url, Map<String, String> options) {
        int question = url.indexOf('?');
        String query = question < 0 ? "" : url.substring(question + 1).toLowerCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        char separator = question < 0 ? '?' : '&';
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!("&" + query).contains("&" + option.getKey().toLowerCase(Locale.ROOT) + "=")) {
                result.append(separator).append(option.getKey()).append('=').append(option.getValue());
                separator = '&';
            }
        }
        return result.toString();
    }
}

package dev.gatehouse.store.jdbc;

/** The databases the JDBC store runs on, with what differs between them. */
public enum Database {
    /** An embedded SQLite file: the default store. */
    SQLITE("SQLite", "dev.gatehouse.store.jdbc.SqliteDriver", "ANSI", "db/migration/sqlite"),
    /** A PostgreSQL server: for several nodes or large stores. */
    POSTGRESQL("PostgreSQL", "org.postgresql.Driver", "POSTGRES", "db/migration/postgresql");

    private final String displayName;
    private final String driverClassName;
    private final String dialect;
    private final String migrations;

    Database(String displayName, String driverClassName, String dialect, String migrations) {
        this.displayName = displayName;
        this.driverClassName = driverClassName;
        this.dialect = dialect;
        this.migrations = migrations;
    }

    /** The name people know it by. */
    public String displayName() {
        return displayName;
    }

    String driverClassName() {
        return driverClassName;
    }

    /** Micronaut Data's dialect: there is no SQLite dialect, and ANSI SQL is what SQLite speaks. */
    String dialect() {
        return dialect;
    }

    /** The classpath folder of this database's Flyway migrations. */
    String migrations() {
        return "classpath:" + migrations;
    }
}

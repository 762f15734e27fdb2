/**
 * Stores over JDBC: SQLite (the embedded default) and PostgreSQL.
 *
 * <p>Entry points: {@link dev.gatehouse.store.jdbc.JdbcSettings#parse} reads a store URL and
 * {@link dev.gatehouse.store.jdbc.JdbcStores#open} returns core's {@code Stores}. Inside,
 * Micronaut Data JDBC repositories run in a private application context, Flyway migrations
 * ({@code db/migration/sqlite}, {@code db/migration/postgresql}) create and upgrade the schema on
 * every open, and HikariCP pools the connections. SQLite runs in WAL mode with a busy timeout;
 * its writers take the write lock up front (BEGIN IMMEDIATE), its readers never wait for them.
 */
package dev.gatehouse.store.jdbc;

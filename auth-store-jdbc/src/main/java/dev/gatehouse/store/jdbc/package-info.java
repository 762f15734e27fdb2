/** Stores over JDBC: SQLite (the embedded default) and PostgreSQL. */
package dev.gatehouse.store.jdbc;

package dev.gatehouse.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * sqlite-jdbc's driver, with one fix the pool needs. In explicit read-only mode sqlite-jdbc
 * refuses to start a write transaction (or switch read-only on) once "a statement has already
 * been executed on this connection", and it forgets statements only at commit or rollback, so
 * one statement run outside any transaction (the pool's {@code isValid} check runs
 * {@code select 1}) poisons the connection for good. Statements run in auto-commit mode are
 * finished transactions; this connection forgets them when the next transaction starts.
 */
public final class SqliteDriver extends JDBC {

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!isValidURL(url)) {
            return null;
        }
        String trimmed = url.trim();
        return new PoolableConnection(trimmed, trimmed.substring(PREFIX.length()), info);
    }

    /** A SQLite connection that starts each transaction with a clean slate. */
    static final class PoolableConnection extends JDBC4Connection {

        PoolableConnection(String url, String fileName, Properties properties) throws SQLException {
            super(url, fileName, properties);
        }

        @Override
        public void setReadOnly(boolean readOnly) throws SQLException {
            forgetAutoCommitStatements();
            super.setReadOnly(readOnly);
        }

        @Override
        public void setAutoCommit(boolean autoCommit) throws SQLException {
            if (!autoCommit) {
                forgetAutoCommitStatements();
            }
            super.setAutoCommit(autoCommit);
        }

        private void forgetAutoCommitStatements() throws SQLException {
            if (getAutoCommit()) {
                setFirstStatementExecuted(false);
            }
        }
    }
}

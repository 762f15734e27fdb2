-- Gatehouse's tables on SQLite. Instants are epoch milliseconds (INTEGER), as sqlite-jdbc binds them.
-- Tables keyed by text are WITHOUT ROWID: one b-tree lookup per key instead of two.

CREATE TABLE users (
    username      TEXT    NOT NULL PRIMARY KEY,
    password_hash TEXT,
    roles         TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('active', 'pending', 'locked')),
    lock_reason   TEXT,
    locked_at     INTEGER,
    created_at    INTEGER NOT NULL,
    last_login_at INTEGER,
    last_login_ip TEXT
) WITHOUT ROWID;

CREATE TABLE sessions (
    id           TEXT    NOT NULL PRIMARY KEY,
    token_digest TEXT    NOT NULL UNIQUE,
    username     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    client_ip    TEXT    NOT NULL,
    user_agent   TEXT    NOT NULL
) WITHOUT ROWID;

-- Random ids would split pages all over a WITHOUT ROWID table; a rowid table appends.
CREATE TABLE audit_events (
    id        TEXT    NOT NULL PRIMARY KEY,
    at        INTEGER NOT NULL,
    action    TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    target    TEXT,
    client_ip TEXT    NOT NULL,
    outcome   TEXT    NOT NULL CHECK (outcome IN ('SUCCESS', 'REFUSED', 'FAILURE')),
    details   TEXT    NOT NULL
);

CREATE TABLE secret_keys (
    name      TEXT NOT NULL PRIMARY KEY,
    key_bytes BLOB NOT NULL
) WITHOUT ROWID;

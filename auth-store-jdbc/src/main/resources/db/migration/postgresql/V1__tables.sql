-- Gatehouse's tables on PostgreSQL. Keys use the "C" collation so that their order is Java's
-- String order (code points), whatever the database's locale: paging by name relies on it.

CREATE TABLE users (
    username      text COLLATE "C" NOT NULL PRIMARY KEY,
    password_hash text,
    roles         text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('active', 'pending', 'locked')),
    lock_reason   text,
    locked_at     timestamptz,
    created_at    timestamptz NOT NULL,
    last_login_at timestamptz,
    last_login_ip text
);

CREATE TABLE sessions (
    id           text COLLATE "C" NOT NULL PRIMARY KEY,
    token_digest text COLLATE "C" NOT NULL UNIQUE,
    username     text COLLATE "C" NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    client_ip    text        NOT NULL,
    user_agent   text        NOT NULL
);

CREATE TABLE audit_events (
    id        text COLLATE "C" NOT NULL PRIMARY KEY,
    at        timestamptz NOT NULL,
    action    text        NOT NULL,
    actor     text COLLATE "C" NOT NULL,
    target    text COLLATE "C",
    client_ip text        NOT NULL,
    outcome   text        NOT NULL CHECK (outcome IN ('SUCCESS', 'REFUSED', 'FAILURE')),
    details   text        NOT NULL
);

CREATE TABLE secret_keys (
    name      text COLLATE "C" NOT NULL PRIMARY KEY,
    key_bytes bytea NOT NULL
);

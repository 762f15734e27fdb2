-- Registration: users may give an email address, and administrators' invites let people register.
-- An invite's code is never stored: `digest` is its HMAC-SHA-256 under the store's token key.
-- `use_count` is raised by one conditional UPDATE per registration, so no number of writers can take
-- more than `max_uses`; `invite_uses` lists who registered with it, in order (`seq` from 1).

ALTER TABLE users ADD COLUMN email TEXT;

CREATE TABLE invites (
    id             TEXT    NOT NULL PRIMARY KEY,
    digest         TEXT    NOT NULL UNIQUE,
    display_prefix TEXT    NOT NULL,
    created_by     TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    max_uses       INTEGER NOT NULL CHECK (max_uses >= 1),
    use_count      INTEGER NOT NULL CHECK (use_count >= 0 AND use_count <= max_uses),
    email          TEXT,
    revoked_at     INTEGER
) WITHOUT ROWID;

CREATE TABLE invite_uses (
    id        TEXT    NOT NULL PRIMARY KEY,
    invite_id TEXT    NOT NULL REFERENCES invites (id),
    seq       INTEGER NOT NULL,
    username  TEXT    NOT NULL,
    used_at   INTEGER NOT NULL,
    UNIQUE (invite_id, seq)
) WITHOUT ROWID;

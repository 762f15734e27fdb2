-- Users' API keys. A key's secret is never stored: `digest` is its HMAC-SHA-256 under the store's
-- token key, found through a unique index. Keys imported from another system and checked by a
-- legacy verifier have no digest (NULL); a unique index allows any number of NULLs. Keys are never
-- deleted, only revoked (`revoked_at`). `scopes` is a comma-separated list (a scope holds no comma).
-- No foreign key to users, as for sessions: the use cases revoke a deleted user's keys.

CREATE TABLE api_keys (
    id              TEXT    NOT NULL PRIMARY KEY,
    digest          TEXT,
    owner           TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    display_prefix  TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER,
    last_used_at    INTEGER,
    scopes          TEXT    NOT NULL,
    revoked_at      INTEGER,
    origin          TEXT    NOT NULL CHECK (origin IN ('minted', 'imported')),
    legacy_verifier TEXT
) WITHOUT ROWID;

-- Every request with a key looks it up by digest.
CREATE UNIQUE INDEX api_keys_by_digest ON api_keys (digest);

-- An owner's keys, newest first (listing them, revoking them all).
CREATE INDEX api_keys_by_owner ON api_keys (owner, created_at);

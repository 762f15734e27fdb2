-- Users' API keys. A key's secret is never stored: `digest` is its HMAC-SHA-256 under the store's
-- token key, found through a unique index. Keys imported from another system and checked by a
-- legacy verifier have no digest (NULL); a unique index allows any number of NULLs. Keys are never
-- deleted, only revoked (`revoked_at`). `scopes` is a comma-separated list (a scope holds no comma).
-- No foreign key to users, as for sessions: the use cases revoke a deleted user's keys.

CREATE TABLE api_keys (
    id              text COLLATE "C" NOT NULL PRIMARY KEY,
    digest          text COLLATE "C",
    owner           text COLLATE "C" NOT NULL,
    name            text        NOT NULL,
    display_prefix  text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    scopes          text        NOT NULL,
    revoked_at      timestamptz,
    origin          text        NOT NULL CHECK (origin IN ('minted', 'imported')),
    legacy_verifier text
);

-- Every request with a key looks it up by digest.
CREATE UNIQUE INDEX api_keys_by_digest ON api_keys (digest);

-- An owner's keys, newest first (listing them, revoking them all).
CREATE INDEX api_keys_by_owner ON api_keys (owner, created_at);

-- Registration: users may give an email address, and administrators' invites let people register.
-- An invite's code is never stored: `digest` is its HMAC-SHA-256 under the store's token key.
-- `use_count` is raised by one conditional UPDATE per registration (the row lock serialises them),
-- so no number of writers can take more than `max_uses`; `invite_uses` lists who registered with
-- it, in order (`seq` from 1).

ALTER TABLE users ADD COLUMN email text;

CREATE TABLE invites (
    id             text COLLATE "C" NOT NULL PRIMARY KEY,
    digest         text COLLATE "C" NOT NULL UNIQUE,
    display_prefix text        NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    max_uses       integer     NOT NULL CHECK (max_uses >= 1),
    use_count      integer     NOT NULL CHECK (use_count >= 0 AND use_count <= max_uses),
    email          text,
    revoked_at     timestamptz
);

CREATE TABLE invite_uses (
    id        text COLLATE "C" NOT NULL PRIMARY KEY,
    invite_id text COLLATE "C" NOT NULL REFERENCES invites (id),
    seq       integer     NOT NULL,
    username  text COLLATE "C" NOT NULL,
    used_at   timestamptz NOT NULL,
    UNIQUE (invite_id, seq)
);

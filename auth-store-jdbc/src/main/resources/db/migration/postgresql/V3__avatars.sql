-- Users' avatars: one image per user, at most 1 MiB (the domain checks the size and the type).
-- No foreign key to users, as for sessions: removing a user removes their avatar in the use case,
-- and neither table refuses rows of unknown users. Large images go to TOAST by themselves.

CREATE TABLE avatars (
    username   text COLLATE "C" NOT NULL PRIMARY KEY,
    media_type text        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
    image      bytea       NOT NULL,
    updated_at timestamptz NOT NULL
);

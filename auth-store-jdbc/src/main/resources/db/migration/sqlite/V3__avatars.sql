-- Users' avatars: one image per user, at most 1 MiB (the domain checks the size and the type).
-- A rowid table, unlike the other text-keyed ones: WITHOUT ROWID suits rows much smaller than a
-- page, and an avatar is many pages long. No foreign key to users, as for sessions: removing a
-- user removes their avatar in the use case, and neither table refuses rows of unknown users.

CREATE TABLE avatars (
    username   TEXT    NOT NULL PRIMARY KEY,
    media_type TEXT    NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
    image      BLOB    NOT NULL,
    updated_at INTEGER NOT NULL
);

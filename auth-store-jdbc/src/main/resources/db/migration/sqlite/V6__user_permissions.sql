-- Users' own permission settings, at most one row per user; a user without a row follows the
-- operator's defaults. `features` lists the features set for the user as `name=on` or `name=off`,
-- comma-separated (feature names are lower-case words). `models` is NULL for every model, else the
-- allowed names and patterns comma-separated ('' for none; an entry holds no comma).
-- No foreign key to users, as for avatars: removing a user removes their row in the use case.

CREATE TABLE user_permissions (
    username TEXT NOT NULL PRIMARY KEY,
    features TEXT NOT NULL,
    models   TEXT
) WITHOUT ROWID;

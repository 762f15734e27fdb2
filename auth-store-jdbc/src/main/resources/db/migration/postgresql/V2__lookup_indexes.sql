-- An index for every lookup path that is not a primary key or the token digest.

-- A user's sessions (listing them, ending them all on lock or delete).
CREATE INDEX sessions_by_user ON sessions (username);

-- Listing users oldest first.
CREATE INDEX users_by_creation ON users (created_at, username);

-- The audit log: by time, and a user's events as actor or as target, newest first.
CREATE INDEX audit_events_by_time ON audit_events (at, id);
CREATE INDEX audit_events_by_actor ON audit_events (actor, at);
CREATE INDEX audit_events_by_target ON audit_events (target, at);

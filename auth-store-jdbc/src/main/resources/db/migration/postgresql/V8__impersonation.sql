-- An administrator acting as a user: the session names them, and so does every event of it.
ALTER TABLE sessions ADD COLUMN impersonator text COLLATE "C";
ALTER TABLE audit_events ADD COLUMN impersonator text COLLATE "C";

-- An administrator's events include those they caused while acting as someone else.
CREATE INDEX audit_events_by_impersonator ON audit_events (impersonator, at) WHERE impersonator IS NOT NULL;

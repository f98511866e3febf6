-- An assessment scored again, explicitly, by the rules serving later: a new assessment that names
-- the one it was re-scored from (which keeps its own score).
ALTER TABLE assessment ADD COLUMN rescored_from BIGINT REFERENCES assessment (id);

-- One row per methodology that nodes lock (SELECT ... FOR UPDATE) before they number a new revision or change which
-- one is active: two nodes proposing at once take turns, each reading the highest number the other committed, so no
-- two hand out the same one. Rows are added as methodologies get their first revision (or activation).
CREATE TABLE rule_revision_lock (
    methodology_id  VARCHAR(100)   NOT NULL PRIMARY KEY
);

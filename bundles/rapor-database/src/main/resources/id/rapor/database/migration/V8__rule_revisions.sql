-- Policy staff's rule revisions, where several nodes share one PostgreSQL: every node reads and writes them here, and
-- hears of a change through NOTIFY rapor_revisions (SharedChanges). A single node on its embedded database keeps them
-- under data/revisions/ instead; these tables are made there too and stay empty.
-- A revision is what it says of itself (the same properties text a node keeps in revision.properties) and its files.
CREATE TABLE rule_revision (
    methodology_id  VARCHAR(100)   NOT NULL,
    number          INTEGER        NOT NULL,
    properties      ${inlineText}  NOT NULL,
    PRIMARY KEY (methodology_id, number)
);
CREATE TABLE rule_revision_file (
    methodology_id  VARCHAR(100)   NOT NULL,
    number          INTEGER        NOT NULL,
    path            VARCHAR(300)   NOT NULL,
    content         ${inlineText}  NOT NULL,
    PRIMARY KEY (methodology_id, number, path),
    FOREIGN KEY (methodology_id, number) REFERENCES rule_revision (methodology_id, number)
);
-- Which revision serves each methodology (0: its rule bundles), who made it serve and when.
CREATE TABLE rule_activation (
    methodology_id  VARCHAR(100)   NOT NULL PRIMARY KEY,
    number          INTEGER        NOT NULL,
    activated_by    VARCHAR(100)   NOT NULL,
    activated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

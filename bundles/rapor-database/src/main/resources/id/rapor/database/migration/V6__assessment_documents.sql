-- An assessment's entered answers and its score document (about 5 KB of JSON each) move to a table of their own.
-- A region's round view, a unit's history and the previous round read only the figures (index, band, state) of
-- thousands of rows; in H2 every read of a row decodes (and hashes) each of its strings, so with the documents in
-- the row the 1,000-unit round view spent most of its 470 ms decoding documents it never used. Only reading or
-- changing one assessment joins the two.
CREATE TABLE assessment_document (
    assessment_id   BIGINT         NOT NULL PRIMARY KEY REFERENCES assessment (id),
    input           ${inlineText}  NOT NULL,
    score_document  ${inlineText}  NOT NULL
);
INSERT INTO assessment_document (assessment_id, input, score_document) SELECT id, input, score_document FROM assessment;
ALTER TABLE assessment DROP COLUMN input;
ALTER TABLE assessment DROP COLUMN score_document;

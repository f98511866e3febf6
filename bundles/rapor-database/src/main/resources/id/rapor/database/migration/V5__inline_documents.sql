-- The entered answers and the score document (about 5 KB of JSON each) are kept in the row, not as large objects:
-- H2 keeps a CHARACTER LARGE OBJECT apart from its row, and storing, listing and importing assessments spent most of
-- their time there (3,000 inserts took 5.5 s as large objects, 1.3 s in the row; reading them back 5 times longer).
-- ${inlineText} is CHARACTER VARYING (up to 10^9 characters) on H2; on PostgreSQL it is TEXT, as the columns already are.
ALTER TABLE assessment ALTER COLUMN input SET DATA TYPE ${inlineText};
ALTER TABLE assessment ALTER COLUMN score_document SET DATA TYPE ${inlineText};

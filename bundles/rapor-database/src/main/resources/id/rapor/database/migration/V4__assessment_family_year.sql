-- A large region's round (a province of thousands of units) is read as every assessment of the family and years,
-- filtered to the region's units in the service: this index serves that, and finding the previous round.
CREATE INDEX assessment_family_year ON assessment (family, round_year);

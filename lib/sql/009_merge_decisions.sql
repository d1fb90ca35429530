-- A merge keeps what the absorbed document brought (parts, JSON) and which document took it in
-- (merged_into; document_id is where it resolves now), so `unmerge` can give it back. Merges from
-- before this migration kept neither and cannot be undone.
ALTER TABLE redirects ADD COLUMN merged_into INTEGER;
ALTER TABLE redirects ADD COLUMN parts TEXT;
UPDATE redirects SET merged_into = document_id;
CREATE INDEX redirects_merged_into ON redirects (merged_into);

-- Two documents a person said are not one (`unmerge`): no sync or fetch merges them again. The
-- ids are the documents' ids when decided; a later merge is followed through redirects.
CREATE TABLE kept_apart (
    a  INTEGER NOT NULL,
    b  INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;

-- When documents merge, the absorbed one's id and slug keep resolving to the survivor.

CREATE TABLE redirects (
    old_id      INTEGER PRIMARY KEY,
    old_slug    TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX redirects_document ON redirects (document_id);

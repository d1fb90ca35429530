-- Fetched files. Bytes live once in the content-addressed store (store/sha256/ab/cdef…); a
-- version says which bytes a document had from when.

CREATE TABLE blobs (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    mime        TEXT,
    stored_at   TEXT NOT NULL,
    text_status TEXT,
    text_reason TEXT
) WITHOUT ROWID;

CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL REFERENCES blobs (sha256),
    url_id      INTEGER REFERENCES urls (id) ON DELETE SET NULL,
    first_seen  TEXT NOT NULL,
    UNIQUE (document_id, sha256)
);
CREATE INDEX versions_sha256 ON versions (sha256);

-- Extracted text, one row per page (a whole HTML or text file is page 1).
CREATE TABLE pages (
    sha256 TEXT NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
    page   INTEGER NOT NULL,
    text   TEXT NOT NULL,
    PRIMARY KEY (sha256, page)
) WITHOUT ROWID;

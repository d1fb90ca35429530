-- Documents and how the Downloadcentrum lists them. A document is one publication; a listing entry
-- is one line of one source's page. They are kept apart so a sync can tell what moved.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    type       TEXT,
    publisher  TEXT,
    date       TEXT,
    period     TEXT,
    level      TEXT,
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX documents_title_key ON documents (title_key);

-- Every title a document was listed under, in the order they were first seen.
CREATE TABLE aliases (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    alias_key   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (document_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases (alias_key);

-- Themes in the order they were first seen.
CREATE TABLE themes (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    name_key TEXT NOT NULL UNIQUE
);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    location     TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    first_synced TEXT NOT NULL,
    last_synced  TEXT NOT NULL,
    last_entries INTEGER NOT NULL DEFAULT 0
);

-- The current listing of each source, replaced whole by each sync of that source.
CREATE TABLE listing_entries (
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    theme_id    INTEGER NOT NULL REFERENCES themes (id),
    title       TEXT NOT NULL,
    url         TEXT,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, position)
) WITHOUT ROWID;
CREATE INDEX listing_entries_document ON listing_entries (document_id);

-- Which source put a document under which theme. Kept when the document is withdrawn, so a
-- withdrawn document still says where it used to be.
CREATE TABLE memberships (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    theme_id    INTEGER NOT NULL REFERENCES themes (id),
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (document_id, theme_id, source_id)
) WITHOUT ROWID;
CREATE INDEX memberships_theme ON memberships (theme_id);

CREATE TABLE urls (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    url           TEXT NOT NULL UNIQUE,
    etag          TEXT,
    last_modified TEXT,
    last_status   INTEGER,
    last_checked  TEXT,
    first_seen    TEXT NOT NULL
);
CREATE INDEX urls_document ON urls (document_id);

CREATE TABLE syncs (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    entries   INTEGER NOT NULL,
    added     INTEGER NOT NULL,
    updated   INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL,
    unchanged INTEGER NOT NULL
);

-- What happened to documents, for `changes`: added, withdrawn, reinstated, theme_added,
-- theme_removed, alias_added, url_added, and later kinds.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    sync_id     INTEGER REFERENCES syncs (id) ON DELETE SET NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    theme_id    INTEGER REFERENCES themes (id),
    detail      TEXT
);
CREATE INDEX events_at ON events (at);
CREATE INDEX events_document ON events (document_id);

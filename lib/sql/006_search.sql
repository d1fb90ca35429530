-- The full-text index: one row per page of a document's current file (one row when it has no
-- text), rowid = document id * 2^20 + page, each row carrying the document's title and aliases,
-- themes, tags and type/publisher, so a query can match words from any of them together.
-- Titles weigh most. Filled by kennis after this migration (the tokenizer is kennis's own).
CREATE VIRTUAL TABLE search_index USING fts5(title, themes, tags, type, body, tokenize = 'kennis_dutch');
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 3.0, 3.0, 2.0, 1.0)');

-- Office and OpenDocument files that carry macros: kept and marked, exported only when allowed.
ALTER TABLE blobs ADD COLUMN macros INTEGER NOT NULL DEFAULT 0;

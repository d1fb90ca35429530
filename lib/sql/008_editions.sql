-- Editions: dated documents that share a series key (the title key without its dates and version
-- words) are editions of one publication. Filled by kennis after this migration (the key is
-- computed by kennis, not by SQL).
ALTER TABLE documents ADD COLUMN series_key TEXT;
CREATE INDEX documents_series ON documents (series_key);

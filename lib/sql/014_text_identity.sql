-- What a stored file says, so that documents can be told apart by their text and not only by
-- their bytes: the SHA-256 of the text folded with white space collapsed, its number of words, and
-- a sample of its hashed three-word shingles (4-byte little-endian, sorted). NULL for a file
-- without text; filled from the stored pages for files read before.
ALTER TABLE blobs ADD COLUMN text_fingerprint TEXT;
ALTER TABLE blobs ADD COLUMN text_words INTEGER;
ALTER TABLE blobs ADD COLUMN text_sample BLOB;
CREATE INDEX blobs_by_text_fingerprint ON blobs (text_fingerprint) WHERE text_fingerprint IS NOT NULL;

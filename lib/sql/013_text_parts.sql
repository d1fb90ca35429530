-- The text of Office and OpenDocument files comes in the parts a reader looks for: a sheet
-- ("blad: Leerlingen") or a slide ("dia 3") where the file has no pages. OCR'd pages say so.
-- text_reader: the version of kennis's text readers that read a file, so that `kennis reindex`
-- reads again what an older kennis could not, and can stop and go on where it stopped.
ALTER TABLE pages ADD COLUMN part TEXT;
ALTER TABLE pages ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
ALTER TABLE blobs ADD COLUMN text_reader INTEGER NOT NULL DEFAULT 1;

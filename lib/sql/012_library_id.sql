-- A name for this library that no other has: feeds and mails built from it get ids that stay the
-- same from run to run and never meet another library's.
INSERT OR IGNORE INTO meta (key, value) VALUES ('library_id', lower(hex(randomblob(16))));

-- The full-text index gathers up to 32 MiB of new words in memory before it writes them out as a
-- segment, instead of FTS5's 1 MiB: a rebuild of the index, or a sync that adds thousands of
-- titles, writes fewer and larger segments and merges them less.
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 33554432);

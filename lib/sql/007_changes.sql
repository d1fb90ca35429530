-- Where `changes --since-last-sync` starts: the last event before the sync run began. Syncs from
-- before this column existed fall back to their time.
ALTER TABLE syncs ADD COLUMN after_event INTEGER;

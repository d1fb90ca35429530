-- Why the last request for a URL failed (NULL after a success), so a later run can say it again.
ALTER TABLE urls ADD COLUMN last_error TEXT;

-- SQLite's 0009 copies each incident's article ids into its row, because
-- SQLite's shared page cache locks on every page a reader touches and a
-- page's extra index seeks per incident were costly under concurrency.
-- PostgreSQL reads a page's source ids with one index-only scan and has no
-- such lock, so nothing changes here; the file keeps the numbers in step.
SELECT 1;

-- SQLite's 0008 adds a narrow index of incident_sources by incident for
-- reading a page's article ids. Here the primary key's index already holds
-- (incident_id, article_id) first and serves index-only scans, so nothing
-- changes; the file keeps the numbers in step.
SELECT 1;

-- Each incident carries the ids of the articles that reported it, so a page
-- reads its incidents' sources with the rows themselves instead of one more
-- index seek per incident: SQLite's shared page cache takes a process-wide
-- lock on every page it touches, and under concurrent readers those seeks
-- cost more in waiting than in work. Triggers keep the list in step with
-- incident_sources whatever statement changes it; the order of the ids is
-- not meaningful and each article appears once.
ALTER TABLE incidents ADD COLUMN source_ids TEXT NOT NULL DEFAULT '';

UPDATE incidents SET source_ids = ifnull(
    (SELECT group_concat(DISTINCT s.article_id) FROM incident_sources s WHERE s.incident_id = incidents.id), '');

CREATE TRIGGER incident_sources_ids_insert AFTER INSERT ON incident_sources
WHEN NOT EXISTS (SELECT 1 FROM incident_sources o
    WHERE o.incident_id = new.incident_id AND o.article_id = new.article_id AND o.quote_start <> new.quote_start)
BEGIN
    UPDATE incidents SET source_ids = CASE source_ids WHEN '' THEN CAST(new.article_id AS TEXT)
        ELSE source_ids || ',' || new.article_id END
    WHERE id = new.incident_id;
END;

CREATE TRIGGER incident_sources_ids_delete AFTER DELETE ON incident_sources
BEGIN
    UPDATE incidents SET source_ids = ifnull(
        (SELECT group_concat(DISTINCT s.article_id) FROM incident_sources s WHERE s.incident_id = old.incident_id), '')
    WHERE id = old.incident_id;
END;

CREATE TRIGGER incident_sources_ids_update AFTER UPDATE OF incident_id, article_id ON incident_sources
BEGIN
    UPDATE incidents SET source_ids = ifnull(
        (SELECT group_concat(DISTINCT s.article_id) FROM incident_sources s WHERE s.incident_id = incidents.id), '')
    WHERE id IN (old.incident_id, new.incident_id);
END;

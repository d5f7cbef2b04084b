-- Each incident carries the ids of the articles that reported it, sorted
-- and distinct, so a page reads them with its rows: the subquery per row
-- it replaces (an index scan of incident_sources for every incident) was
-- half of PostgreSQL's time for a page of 1,000 read by id.
--
-- Rows already stored get NULL, "not listed yet": filling a million rows
-- here took longer than a server waits to open, so the store fills them
-- in the background (backfill.go) and reads a NULL list from
-- incident_sources as before. New rows start with an empty list.
ALTER TABLE incidents ADD COLUMN source_ids bigint[];
ALTER TABLE incidents ALTER COLUMN source_ids SET DEFAULT '{}';

-- Statement triggers keep the lists in step with incident_sources, once
-- per statement (a copied range of 50,000 sources is one update), and
-- write a row only when its list changes. An update works from the row's
-- newest version, so two servers adding sources to one incident at once
-- both keep theirs; a row not listed yet is listed whole, under its row
-- lock, which is what keeps the backfill from losing a concurrent change.
CREATE FUNCTION incident_sources_ids_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incidents i SET source_ids = CASE WHEN i.source_ids IS NULL
            THEN ARRAY(SELECT DISTINCT s.article_id FROM incident_sources s WHERE s.incident_id = i.id ORDER BY 1)
            ELSE ARRAY(SELECT DISTINCT x FROM unnest(i.source_ids || a.ids) x ORDER BY x) END
    FROM (SELECT incident_id, array_agg(DISTINCT article_id) AS ids FROM added GROUP BY incident_id) a
    WHERE i.id = a.incident_id AND (i.source_ids IS NULL OR NOT (a.ids <@ i.source_ids));
    RETURN NULL;
END $$;

CREATE FUNCTION incident_sources_ids_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An article leaves an incident's list when none of its quotes is left.
    UPDATE incidents i SET source_ids = CASE WHEN i.source_ids IS NULL
            THEN ARRAY(SELECT DISTINCT s.article_id FROM incident_sources s WHERE s.incident_id = i.id ORDER BY 1)
            ELSE ARRAY(SELECT x FROM unnest(i.source_ids) x WHERE x <> ALL (r.ids) ORDER BY x) END
    FROM (SELECT o.incident_id, array_agg(DISTINCT o.article_id) AS ids FROM removed o
          WHERE NOT EXISTS (SELECT 1 FROM incident_sources s
                            WHERE s.incident_id = o.incident_id AND s.article_id = o.article_id)
          GROUP BY o.incident_id) r
    WHERE i.id = r.incident_id AND (i.source_ids IS NULL OR i.source_ids && r.ids);
    RETURN NULL;
END $$;

CREATE FUNCTION incident_sources_ids_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incidents i SET source_ids = ARRAY(SELECT DISTINCT s.article_id FROM incident_sources s
                                              WHERE s.incident_id = i.id ORDER BY 1)
    WHERE i.id IN (SELECT incident_id FROM removed UNION SELECT incident_id FROM added);
    RETURN NULL;
END $$;

CREATE TRIGGER incident_sources_ids_insert AFTER INSERT ON incident_sources
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incident_sources_ids_added();
CREATE TRIGGER incident_sources_ids_delete AFTER DELETE ON incident_sources
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION incident_sources_ids_removed();
CREATE TRIGGER incident_sources_ids_update AFTER UPDATE ON incident_sources
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incident_sources_ids_changed();

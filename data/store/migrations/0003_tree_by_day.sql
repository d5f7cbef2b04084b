-- The spatial index gains a third dimension, time, so a box and a date
-- interval are one R*Tree range scan, and the newest matches of a box are
-- found in the tree alone, without reading table rows.
--
-- t is the event date's day number (days since 1970-01-01) divided by 32:
-- about a month to the unit, near a degree of the other two axes, which
-- lets the R*Tree split on space and time alike instead of on time alone.
-- The tree stores 32-bit floats; a day number over a power of two stays
-- exact, so comparisons on t are exact comparisons of dates.
CREATE VIRTUAL TABLE incidents_tree USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t);

-- Filled in a scrambled order: an R*Tree built by inserting points in date
-- order (the order reports arrive in) packs its nodes far looser.
INSERT INTO incidents_tree (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
SELECT id, lon, lon, lat, lat, (unixepoch(event_date) / 86400) / 32.0, (unixepoch(event_date) / 86400) / 32.0
FROM incidents ORDER BY (id * 2654435761) % 4294967296;

DROP TRIGGER incidents_rtree_insert;
DROP TRIGGER incidents_rtree_update;
DROP TRIGGER incidents_rtree_delete;
DROP TABLE incidents_rtree;

CREATE TRIGGER incidents_tree_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_tree (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
    VALUES (new.id, new.lon, new.lon, new.lat, new.lat,
        (unixepoch(new.event_date) / 86400) / 32.0, (unixepoch(new.event_date) / 86400) / 32.0);
END;
CREATE TRIGGER incidents_tree_update AFTER UPDATE OF lat, lon, event_date ON incidents BEGIN
    UPDATE incidents_tree
    SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat,
        min_t = (unixepoch(new.event_date) / 86400) / 32.0, max_t = (unixepoch(new.event_date) / 86400) / 32.0
    WHERE id = new.id;
END;
CREATE TRIGGER incidents_tree_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_tree WHERE id = old.id;
END;

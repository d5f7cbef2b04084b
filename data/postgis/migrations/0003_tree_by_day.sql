-- SQLite's 0003 gives its R*Tree a time axis so that a box and a date
-- interval are counted in the index alone. Here the same job falls to a
-- GiST index over the point as a plain point, which (unlike the PostGIS
-- geometry index) answers index-only scans, carrying the event date: the
-- number of incidents in a box and interval, numberMatched, is counted
-- without reading table rows.
ALTER TABLE incidents ADD COLUMN pt point GENERATED ALWAYS AS (point(lon, lat)) STORED;
CREATE INDEX incidents_box_date ON incidents USING gist (pt) INCLUDE (event_date);

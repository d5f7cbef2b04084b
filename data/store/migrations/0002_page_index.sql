-- A page of incidents in a box walks this index newest first and checks
-- each point in the index itself, reading a table row only for incidents
-- that are in the box. It replaces incidents_event_date, its prefix.
CREATE INDEX incidents_date_point ON incidents(event_date, id, lon, lat);
DROP INDEX incidents_event_date;

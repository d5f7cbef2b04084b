-- The (lon, lat) index also carries the event type, so the count grid
-- (data/boxgrid), which now keeps each cell's split by type to serve the
-- map's clusters, is still built from the index alone, not the rows.
DROP INDEX incidents_lon_lat;
CREATE INDEX incidents_lon_lat ON incidents(lon, lat, event_type);

-- Pages of incidents come newest first, (event_date, id) descending: this
-- index serves them and the keyset cursor. It carries each point, so a page
-- of a box that holds a good share of all incidents walks the index newest
-- first, checks each point in the index itself, and stops as soon as it
-- has enough rows, reading table rows only for those it returns.
CREATE INDEX incidents_page ON incidents (event_date DESC, id DESC) INCLUDE (lon, lat);

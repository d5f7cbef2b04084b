-- Pages of incidents come newest first, (event_date, id) descending: this
-- index serves them and the keyset cursor, and lets a page of a large box
-- stop as soon as it has enough rows.
CREATE INDEX incidents_page ON incidents (event_date DESC, id DESC);

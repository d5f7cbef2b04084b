-- A page reads the article ids of its incidents in one statement. The
-- primary key of incident_sources carries each quote and spans five times
-- the pages; this index holds the ids alone, so those reads stay in a few
-- cached pages instead of one read from disk per incident.
CREATE INDEX incident_sources_incident ON incident_sources(incident_id, article_id);

-- Initial schema: articles, the place mentions found in them, incidents and
-- the articles that reported each incident, user gazetteer entries and
-- imported GeoNames rows. Dates are TEXT: event_date is YYYY-MM-DD, times
-- are RFC 3339 in UTC, so text order is time order.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    published    TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL
);
-- An empty URL means "pasted text"; only real URLs must be unique.
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    place_id     INTEGER NOT NULL DEFAULT 0,
    geonameid    INTEGER NOT NULL DEFAULT 0,
    feature_code TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT '',
    admin1       TEXT NOT NULL DEFAULT '',
    admin1_name  TEXT NOT NULL DEFAULT '',
    admin2       TEXT NOT NULL DEFAULT '',
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    precision    INTEGER NOT NULL DEFAULT 0,
    confidence   REAL NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions(article_id, span_start);

CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    time_precision INTEGER NOT NULL DEFAULT 1,
    location       TEXT NOT NULL DEFAULT '',
    geonameid      INTEGER NOT NULL DEFAULT 0,
    feature_code   TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    admin1         TEXT NOT NULL DEFAULT '',
    admin1_name    TEXT NOT NULL DEFAULT '',
    admin2         TEXT NOT NULL DEFAULT '',
    lat            REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    geo_precision  INTEGER NOT NULL DEFAULT 1,
    count          INTEGER,
    count_unit     TEXT NOT NULL DEFAULT '',
    fatalities     INTEGER,
    injured        INTEGER,
    actor1         TEXT NOT NULL DEFAULT '',
    actor2         TEXT NOT NULL DEFAULT '',
    quote          TEXT NOT NULL DEFAULT '',
    quote_start    INTEGER NOT NULL DEFAULT 0,
    quote_end      INTEGER NOT NULL DEFAULT 0,
    -- Merge key: "g<geonameid>" or "p<lat*1000>,<lon*1000>" when the place
    -- has no GeoNames id. With event_date and sub_event_type it identifies
    -- the same event reported by several sources.
    place_key      TEXT NOT NULL,
    -- Lower-cased quote, location, admin1 name and source titles, for Q.
    search_text    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX incidents_merge ON incidents(place_key, event_date, sub_event_type);
CREATE INDEX incidents_event_date ON incidents(event_date, id);
CREATE INDEX incidents_event_type ON incidents(event_type, event_date);
CREATE INDEX incidents_sub_event_type ON incidents(sub_event_type, event_date);
CREATE INDEX incidents_country ON incidents(country, admin1, event_date);
-- Covers counting a large bounding box, where the R*Tree would hand back
-- most ids one by one.
CREATE INDEX incidents_lon_lat ON incidents(lon, lat);

-- Spatial index on incident points; kept in step with incidents by triggers
-- so no code path can forget it.
CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER incidents_rtree_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_rtree (id, min_lon, max_lon, min_lat, max_lat)
    VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER incidents_rtree_update AFTER UPDATE OF lat, lon ON incidents BEGIN
    UPDATE incidents_rtree
    SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
    WHERE id = new.id;
END;
CREATE TRIGGER incidents_rtree_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_rtree WHERE id = old.id;
END;

CREATE TABLE incident_sources (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote       TEXT NOT NULL DEFAULT '',
    quote_start INTEGER NOT NULL DEFAULT 0,
    quote_end   INTEGER NOT NULL DEFAULT 0,
    count       INTEGER,
    fatalities  INTEGER,
    injured     INTEGER,
    PRIMARY KEY (incident_id, article_id, quote_start)
) WITHOUT ROWID;
CREATE INDEX incident_sources_article ON incident_sources(article_id, incident_id);

-- User gazetteer entries. AUTOINCREMENT never reuses an id, and the sequence
-- starts at geo.UserIDBase so user ids never collide with GeoNames ids.
CREATE TABLE user_places (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    geonameid       INTEGER NOT NULL DEFAULT 0,
    name            TEXT NOT NULL CHECK (name <> ''),
    asciiname       TEXT NOT NULL DEFAULT '',
    alternate_names TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    feature_class   TEXT NOT NULL DEFAULT '',
    feature_code    TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    country_name    TEXT NOT NULL DEFAULT '',
    admin1          TEXT NOT NULL DEFAULT '',
    admin1_name     TEXT NOT NULL DEFAULT '',
    admin2          TEXT NOT NULL DEFAULT '',
    admin2_name     TEXT NOT NULL DEFAULT '',
    lat             REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon             REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    population      INTEGER NOT NULL DEFAULT 0,
    source          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
INSERT INTO sqlite_sequence (name, seq) VALUES ('user_places', 999999999);

-- GeoNames rows imported by "gazetteer import", keyed by geonameid.
CREATE TABLE imported_places (
    geonameid       INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    asciiname       TEXT NOT NULL DEFAULT '',
    alternate_names TEXT NOT NULL DEFAULT '', -- tab-joined: GeoNames fields never hold a tab
    feature_class   TEXT NOT NULL DEFAULT '',
    feature_code    TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    country_name    TEXT NOT NULL DEFAULT '',
    admin1          TEXT NOT NULL DEFAULT '',
    admin1_name     TEXT NOT NULL DEFAULT '',
    admin2          TEXT NOT NULL DEFAULT '',
    admin2_name     TEXT NOT NULL DEFAULT '',
    lat             REAL NOT NULL,
    lon             REAL NOT NULL,
    population      INTEGER NOT NULL DEFAULT 0,
    source          TEXT NOT NULL DEFAULT ''
);

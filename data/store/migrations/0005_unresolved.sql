-- Names an article marks as places that the gazetteer lacked when it was
-- geoparsed ("the village of X"), with the larger place the parser fell
-- back to. name_key is the name folded for grouping (store.NameKey);
-- region_* are empty when no region was known. Rows are replaced whenever
-- the article is resolved again.
CREATE TABLE unresolved_names (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    text             TEXT NOT NULL,
    name_key         TEXT NOT NULL,
    region_name      TEXT NOT NULL DEFAULT '',
    region_geonameid INTEGER NOT NULL DEFAULT 0,
    region_code      TEXT NOT NULL DEFAULT '',
    region_country   TEXT NOT NULL DEFAULT '',
    region_admin1    TEXT NOT NULL DEFAULT '',
    region_admin1_name TEXT NOT NULL DEFAULT '',
    region_lat       REAL,
    region_lon       REAL
);
CREATE INDEX unresolved_names_key ON unresolved_names(name_key, region_country, region_admin1);
CREATE INDEX unresolved_names_article ON unresolved_names(article_id);

-- Which import wrote each imported GeoNames row, so a running server can
-- read only the rows imported since it last looked. Every import
-- transaction takes the next number from import_counter before it writes
-- (SQLite has one writer, so the numbers follow the commits); rows from
-- before this migration have 0.
ALTER TABLE imported_places ADD COLUMN import_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX imported_places_seq ON imported_places(import_seq);
CREATE TABLE import_counter (n INTEGER NOT NULL);
INSERT INTO import_counter (n) VALUES (0);

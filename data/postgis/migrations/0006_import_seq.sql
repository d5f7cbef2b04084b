-- Which import wrote each imported GeoNames row, as SQLite's 0006. Every
-- import transaction takes the next number from import_counter before it
-- writes and keeps the row locked until it commits, so the numbers follow
-- the commits; rows from before this migration have 0.
ALTER TABLE imported_places ADD COLUMN import_seq bigint NOT NULL DEFAULT 0;
CREATE INDEX imported_places_seq ON imported_places (import_seq);
CREATE TABLE import_counter (n bigint NOT NULL);
INSERT INTO import_counter (n) VALUES (0);

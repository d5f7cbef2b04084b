-- SQLite's 0003 gives its R*Tree a time axis so a box and a date interval
-- are one range scan. PostgreSQL needs no such index: its planner combines
-- the GiST index on geom (0001) and the page index on event_date (0002)
-- in one bitmap scan, or walks the page index and checks each point. The
-- number is kept so both stores' migrations name the same changes.
SELECT 1;

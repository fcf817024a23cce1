-- A place's surroundings (near) and a place of the map (place=KEY) read one covering index:
-- the coordinates first (the bounding box, the cell's latitude window), then every column their
-- counts, timelines, maps and sorted lists test or return, so none of them reads the wide events
-- rows (before: type and date precision for a timeline, the place and outlets for a map, one
-- row each, 8,000-10,000 rows for 50 km around a busy synthetic place). It replaces
-- events_near and events_place, whose columns lead it. SQLite keeps it current on every write.
CREATE INDEX events_near_cover ON events(
    latitude, longitude, geo_precision, confidence, date_start, date_end, mode, type,
    date_precision, location_name, country, n_outlets, killed, outlets, id
);
DROP INDEX events_near;
DROP INDEX events_place;

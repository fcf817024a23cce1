-- Covering indexes for what the page asks first over the whole database (the default list is
-- "confidence at or above events.min_confidence"), so the timeline, the map and a date window
-- are read from narrow index entries instead of every wide events row (records, views). SQLite
-- keeps them current on every write path (merge, replace, correction), so they never go stale.
-- The timeline: date span and counts per bucket, type and date precision.
CREATE INDEX events_agg_timeline ON events(confidence, date_start, type, date_precision);
-- The map: places (coordinates, precision, name, country) and their outlets.
CREATE INDEX events_agg_places ON events(
    confidence, latitude, longitude, geo_precision, location_name, country, outlets
);
-- Filtered lists and counts: a date window (with a mode, or a country, whose test needs the
-- id) and a place's surroundings (near), each read without the wide rows.
CREATE INDEX events_window ON events(date_start, date_end, confidence, mode, id);
CREATE INDEX events_near ON events(latitude, longitude, date_start, date_end, confidence, id);

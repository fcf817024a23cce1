-- The default view leaves out context events (`type NOT IN (...)`, events.show_context): the map's
-- and a date window's covering indexes carry the type too, so that test is read from the index
-- entries, not from every wide events row.
DROP INDEX events_agg_places;
CREATE INDEX events_agg_places ON events(
    confidence, latitude, longitude, geo_precision, location_name, country, outlets, type
);
DROP INDEX events_window;
CREATE INDEX events_window ON events(date_start, date_end, confidence, mode, id, type);

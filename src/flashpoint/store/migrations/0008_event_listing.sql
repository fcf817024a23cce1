-- What the API lists, sorts, maps and caches by, read from columns instead of each JSON record.
-- outlets: the event's distinct outlet names as a JSON array (the map's "outlets on hover").
ALTER TABLE events ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
UPDATE events SET outlets = COALESCE((
    SELECT json_group_array(o) FROM (
        SELECT DISTINCT json_extract(s.value, '$.outlet') AS o
        FROM json_each(events.record, '$.sources') s
        WHERE json_extract(s.value, '$.outlet') IS NOT NULL
        ORDER BY o
    )
), '[]');
-- view: the event as lists show it (flashpoint.views.event_view plus date_label), JSON, so a
-- page of the list is read without decoding records; NULL until the next merge or correction
-- rewrites the row (readers then make it from the record).
ALTER TABLE events ADD COLUMN view TEXT;
-- Sort orders of the list (ties broken by id, so pages are stable); the expressions here are
-- the ones flashpoint.store.listing orders by, so SQLite reads them from these indexes.
CREATE INDEX events_sort_date ON events(COALESCE(date_start, ''), id);
CREATE INDEX events_sort_sources ON events(n_outlets, id);
CREATE INDEX events_sort_killed ON events(COALESCE(killed, -1), id);
CREATE INDEX events_sort_confidence ON events(confidence, id);
-- The map groups by place: coordinates with their precision.
CREATE INDEX events_place ON events(latitude, longitude, geo_precision);
-- A token that changes whenever events are written: caches of aggregates are keyed by it.
INSERT OR REPLACE INTO event_stats VALUES ('data_version', abs(random()));

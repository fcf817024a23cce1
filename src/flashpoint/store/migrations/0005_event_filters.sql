-- Indexes for the filters of `flashpoint events` and GET /api/events.
-- A date window (since) can use date_end; the country filter (the place's country or any
-- actor's) reads event_countries instead of a LIKE over every row.
CREATE INDEX events_date_end ON events(date_end);
CREATE TABLE event_countries (
    country TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (country, event_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO event_countries
    SELECT country, id FROM events WHERE country IS NOT NULL AND country != ''
    UNION
    SELECT json_extract(a.value, '$.country'), e.id
    FROM events e, json_each(e.record, '$.actors') a
    WHERE json_extract(a.value, '$.country') IS NOT NULL;
-- The longest event (days from date_start to date_end): bounds a date window on date_start.
CREATE TABLE event_stats (key TEXT PRIMARY KEY, value REAL);
INSERT INTO event_stats
    SELECT 'max_span_days', COALESCE(MAX(julianday(date_end) - julianday(date_start)), 0)
    FROM events;

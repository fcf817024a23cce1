-- Events: one row per real-world event, made by the merge stage from mentions. The full
-- record is JSON; the columns beside it are what `flashpoint events` filters on.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    mode TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    country TEXT,
    location_name TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    n_sources INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    killed INTEGER,
    actor_names TEXT NOT NULL DEFAULT '',
    actor_countries TEXT NOT NULL DEFAULT '',
    quotes TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_acled_date ON events(acled_event_type, date_start);
CREATE INDEX events_country_date ON events(country, date_start);
CREATE INDEX events_lat ON events(latitude);

-- Which event each mention belongs to: keeps event ids stable across re-merges.
CREATE TABLE event_mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);

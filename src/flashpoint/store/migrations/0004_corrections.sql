-- Analyst corrections: one row per correction of one field of one event, never updated.
-- Keyed by event id (stable across re-merges), so a correction survives re-runs; applied as an
-- overlay when events are read. The newest row per (event_id, field) wins; a NULL value
-- withdraws earlier corrections of that field.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    field TEXT NOT NULL,             -- type | mode | date | location | participants | injured | killed | status
    value TEXT,                      -- JSON; NULL = back to what the pipeline found
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL            -- ISO 8601 UTC
);
CREATE INDEX corrections_event ON corrections(event_id, id);

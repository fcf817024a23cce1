-- How sure flashpoint is that an event is real (0-1). The default list, exports, timeline and
-- page show events at or above the setting events.min_confidence; the rest are the review
-- queue. Events merged before this column existed count as sure (1.0) until the next merge
-- recomputes them, so an upgrade hides nothing.
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
CREATE INDEX events_confidence ON events(confidence);

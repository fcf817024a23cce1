-- Incremental merge: each mention and event carries its merge block (a connected component of
-- the reports that could share an event; see flashpoint.merge.blocks). After an ingest only
-- the blocks that new, changed or deleted mentions touch are merged again.
--   mentions.block      the block; NULL: not merged yet; '': in no event (dropped, undated...)
--   mentions.merge_key  type group | summary | mode class, for a mention that leads its event
--   mentions.span_class how long its date range is (0: a day ... 4: over a year)
--   mentions.country    its actor's country (NULL: none, compatible with any)
ALTER TABLE mentions ADD COLUMN block TEXT;
ALTER TABLE mentions ADD COLUMN merge_key TEXT;
ALTER TABLE mentions ADD COLUMN span_class INTEGER;
ALTER TABLE mentions ADD COLUMN country TEXT;
CREATE INDEX mentions_block ON mentions(block);
CREATE INDEX mentions_merge_key ON mentions(merge_key, span_class, date_start)
    WHERE merge_key IS NOT NULL;

-- An event's block, and what links between events read of it as the pipeline made it (the
-- row's other columns follow the analysts' corrections).
ALTER TABLE events ADD COLUMN block TEXT;
ALTER TABLE events ADD COLUMN link_role TEXT;  -- denial | claim | both | NULL
ALTER TABLE events ADD COLUMN link_day TEXT;
CREATE INDEX events_block ON events(block);
CREATE INDEX events_link_day ON events(link_day) WHERE link_role IS NOT NULL;
-- The longest event, read from an index rather than a scan of every row.
CREATE INDEX events_span ON events(julianday(date_end) - julianday(date_start));

-- Ids an event was formerly known by (a backfilled report re-founded it), by old id.
CREATE TABLE event_formerly (
    formerly_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (formerly_id, event_id)
) WITHOUT ROWID;
CREATE INDEX event_formerly_event ON event_formerly(event_id);
INSERT OR IGNORE INTO event_formerly
    SELECT json_extract(r.value, '$[0]'), e.id
    FROM events e, json_each(COALESCE(e.original, e.record), '$.related') r
    WHERE json_extract(r.value, '$[1]') = 'formerly';

-- Blocks to merge again: whoever deletes or replaces a merged mention, or changes what the
-- merge reads of its article, leaves its block here (triggers, so no writer can forget).
CREATE TABLE merge_dirty (block TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER mentions_deleted AFTER DELETE ON mentions
    WHEN OLD.block IS NOT NULL AND OLD.block != ''
BEGIN
    INSERT OR IGNORE INTO merge_dirty VALUES (OLD.block);
END;
CREATE TRIGGER mentions_replaced BEFORE INSERT ON mentions
BEGIN
    INSERT OR IGNORE INTO merge_dirty
        SELECT block FROM mentions WHERE id = NEW.id AND block IS NOT NULL AND block != '';
END;
CREATE TRIGGER articles_relinked AFTER UPDATE OF duplicate_of, published, outlet ON articles
    WHEN OLD.duplicate_of IS NOT NEW.duplicate_of OR OLD.published IS NOT NEW.published
        OR OLD.outlet IS NOT NEW.outlet
BEGIN
    INSERT OR IGNORE INTO merge_dirty
        SELECT DISTINCT block FROM mentions
        WHERE article_id = NEW.id AND block IS NOT NULL AND block != '';
END;

-- Events merged before blocks existed: the next merge recomputes everything once.
INSERT OR REPLACE INTO event_stats SELECT 'remerge_needed', 1 WHERE EXISTS (SELECT 1 FROM events);

-- Incremental merge by replay (flashpoint.merge.replay): the merge re-decides, in canonical
-- order, only the reports whose choice of event may have changed, reading the others' shapes
-- from indexed columns rather than their JSON records.
--   mentions.block            now the id of the mention's event ('' : in none; NULL: not merged)
--   mentions.merge_rank       date precision rank, merge_published its article's date ('' none),
--   mentions.merge_at         trigger offset: with date_start, article_id and id, the mention's
--                             canonical sort key (set for mentions that lead their event)
--   mentions.merge_lat, _lon  its precise point, for the place test (NULL: not precise)
ALTER TABLE mentions ADD COLUMN merge_rank INTEGER;
ALTER TABLE mentions ADD COLUMN merge_published TEXT;
ALTER TABLE mentions ADD COLUMN merge_at INTEGER;
ALTER TABLE mentions ADD COLUMN merge_lat REAL;
ALTER TABLE mentions ADD COLUMN merge_lon REAL;

-- What changed since the last merge: the event a deleted or replaced mention was in (or '')
-- and its article, or every event of an article whose date, outlet or duplicate link changed.
-- Triggers, so no writer can forget.
DROP TRIGGER mentions_deleted;
DROP TRIGGER mentions_replaced;
DROP TRIGGER articles_relinked;
DROP TABLE merge_dirty;
CREATE TABLE merge_dirty (
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
CREATE TRIGGER mentions_deleted AFTER DELETE ON mentions WHEN OLD.block IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO merge_dirty VALUES (OLD.block, OLD.article_id);
END;
CREATE TRIGGER mentions_replaced BEFORE INSERT ON mentions
BEGIN
    INSERT OR IGNORE INTO merge_dirty
        SELECT block, article_id FROM mentions WHERE id = NEW.id AND block IS NOT NULL;
END;
CREATE TRIGGER articles_relinked AFTER UPDATE OF duplicate_of, published, outlet ON articles
    WHEN OLD.duplicate_of IS NOT NEW.duplicate_of OR OLD.published IS NOT NEW.published
        OR OLD.outlet IS NOT NEW.outlet
BEGIN
    INSERT OR IGNORE INTO merge_dirty
        SELECT DISTINCT block, article_id FROM mentions
        WHERE article_id = NEW.id AND block IS NOT NULL;
END;

-- Stores merged block by block: the next merge recomputes everything once.
INSERT OR REPLACE INTO event_stats SELECT 'remerge_needed', 1 WHERE EXISTS (SELECT 1 FROM events);

-- Dropping an event's countries (the merge re-makes events one by one) reads an index.
CREATE INDEX event_countries_event ON event_countries(event_id);

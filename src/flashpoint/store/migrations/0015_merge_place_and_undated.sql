-- Two more hard tests of the merge (flashpoint.merge.compat and .cluster), read by the replay
-- beside a leading mention's actor country (mentions.country):
--   mentions.merge_place      the country of a place named in its sentence (NULL: none):
--                             reports on two continents with no common border never merge
--   mentions.merge_placed_in  the country it is placed in by any rule (NULL: none)
--   mentions.merge_undated    1 when the text gives it no date: it joins an event of its own
--                             article, or one placed wholly in its country
ALTER TABLE mentions ADD COLUMN merge_place TEXT;
ALTER TABLE mentions ADD COLUMN merge_placed_in TEXT;
ALTER TABLE mentions ADD COLUMN merge_undated INTEGER NOT NULL DEFAULT 0;

-- Events merged under the older rules: the next merge recomputes everything once.
INSERT OR REPLACE INTO event_stats SELECT 'remerge_needed', 1 WHERE EXISTS (SELECT 1 FROM events);

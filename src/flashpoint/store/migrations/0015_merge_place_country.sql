-- Reports placed in two countries that share no border are two events (flashpoint.merge.compat):
--   mentions.merge_place   the country of a leading mention's place (NULL: none), read by
--                          the replay beside its actor country (mentions.country)
ALTER TABLE mentions ADD COLUMN merge_place TEXT;

-- Events merged under the older rule: the next merge recomputes everything once.
INSERT OR REPLACE INTO event_stats SELECT 'remerge_needed', 1 WHERE EXISTS (SELECT 1 FROM events);

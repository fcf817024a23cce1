-- One more test of the merge (flashpoint.merge.anchors), read by the replay beside a leading
-- mention's shape:
--   mentions.merge_anchors   what ties it to one incident beyond type and date (actors read
--                            from the text, a place in its sentence, exact counts, names and
--                            numbers of its sentence, the sentence itself), '\x1f'-separated:
--                            a report joins another article's event only when it shares one
--                            with a report of it
--   mentions.merge_definite  1 when it is a definite description ("the exercise"): it
--                            presupposes its act, and may join another article's event with
--                            no anchor shared
ALTER TABLE mentions ADD COLUMN merge_anchors TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN merge_definite INTEGER NOT NULL DEFAULT 0;

-- Events merged under the older rules: the next merge recomputes everything once.
INSERT OR REPLACE INTO event_stats SELECT 'remerge_needed', 1 WHERE EXISTS (SELECT 1 FROM events);

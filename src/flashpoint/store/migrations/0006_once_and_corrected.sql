-- A rejection is stored once per input: re-runs that meet the same bad input add nothing.
DELETE FROM rejections WHERE id NOT IN (
    SELECT MIN(id) FROM rejections GROUP BY path, stage, reason, detail
);
CREATE UNIQUE INDEX rejections_once ON rejections(path, stage, reason, detail);

-- Events are stored as the analysts corrected them, so every reader (CLI, export, API, filters)
-- sees the same values. `original` keeps the pipeline's record of a corrected event (NULL when
-- it has no correction in force); the store re-applies corrections after each merge.
ALTER TABLE events ADD COLUMN original TEXT;

-- Event mentions: one report of one event in one sentence. The full record is kept as JSON;
-- the columns beside it are what queries filter on.
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    raw_start INTEGER NOT NULL,
    raw_end INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_type_date ON mentions(type, date_start);

-- Which articles have been through extraction (a killed run re-extracts the rest).
ALTER TABLE articles ADD COLUMN extracted INTEGER NOT NULL DEFAULT 0;

-- Articles as ingested, their clean text and what cleaning removed, rejections, runs.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,            -- running | done | interrupted
    args TEXT NOT NULL DEFAULT '{}', -- JSON
    counts TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,         -- ingest order
    id TEXT NOT NULL UNIQUE,         -- sha256 of the raw bytes, 16 hex digits
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    external_id TEXT,
    raw_text TEXT NOT NULL,
    markup TEXT,
    content_hash TEXT NOT NULL,
    signature BLOB,                  -- MinHash values for near-duplicate checks
    duplicate_of TEXT REFERENCES articles(id),
    duplicate_kind TEXT,             -- exact | near
    duplicate_score REAL,
    run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE clean_texts (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    text TEXT NOT NULL,
    segments TEXT NOT NULL,          -- JSON [[clean_start, raw_start, length], ...]
    meta TEXT NOT NULL               -- JSON [{kind, start, end, text}, ...]
);

CREATE TABLE removed_spans (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX removed_spans_article ON removed_spans(article_id);

CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    path TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL
);

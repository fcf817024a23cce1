-- The near-duplicate index on disk: one row per LSH band of each indexed article (the first
-- article of each content hash with a MinHash signature), so a lookup is an indexed query and
-- the index is never held in memory. lsh_layout names the banding the rows were made with;
-- rows of another layout are rebuilt from articles.signature.
CREATE TABLE IF NOT EXISTS lsh_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,            -- 64-bit hash of the band's MinHash values
    article_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX IF NOT EXISTS lsh_bands_key ON lsh_bands(band, key);

CREATE TABLE IF NOT EXISTS lsh_layout (
    layout TEXT NOT NULL
);

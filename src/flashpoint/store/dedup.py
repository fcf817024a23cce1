"""The near-duplicate index on disk: LSH bands, signatures, content hashes and duplicate
groups of stored articles, looked up by indexed queries (the Store's methods;
``flashpoint.dedup.StoredIndex``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from flashpoint.store.database import Database

__all__ = ["DedupStore"]


class DedupStore:
    """The duplicate index's lookups (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    def lsh_candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Ids of stored articles sharing at least one (band, key)."""
        if not keys:
            return set()
        where = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for key in keys for v in key]
        return {
            r[0] for r in self._db.rows(f"SELECT article_id FROM lsh_bands WHERE {where}", params)
        }

    def signature_of(self, article_id: str) -> bytes | None:
        value = self._db.value("SELECT signature FROM articles WHERE id = ?", (article_id,))
        return bytes(value) if value is not None else None

    def ids_with_hash(self, chash: str) -> list[str]:
        """Stored articles with this content hash, in ingest order."""
        return [
            r[0]
            for r in self._db.rows(
                "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq", (chash,)
            )
        ]

    def dedup_entry(self, article_id: str) -> tuple[str, str | None, str | None] | None:
        """(content_hash, published, duplicate_of) of a stored article: its place in the
        duplicate groups (a group is an original and the articles whose duplicate_of names it)."""
        row = self._db.one(
            "SELECT content_hash, published, duplicate_of FROM articles WHERE id = ?",
            (article_id,),
        )
        return (row[0], row[1], row[2]) if row is not None else None

    def duplicates_of(self, original: str) -> list[tuple[str, str, str | None]]:
        """(id, content_hash, published) of the articles linked to ``original``, in ingest
        order (indexed on duplicate_of)."""
        return [
            (r[0], r[1], r[2])
            for r in self._db.rows(
                "SELECT id, content_hash, published FROM articles WHERE duplicate_of = ? "
                "ORDER BY seq",
                (original,),
            )
        ]

    def lsh_layout(self) -> str | None:
        value = self._db.value("SELECT layout FROM lsh_layout")
        return str(value) if value is not None else None

    def first_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, signature) of the first stored article of each content hash that has one:
        the articles the LSH index holds."""
        for r in self._db.rows(
            "SELECT id, signature FROM articles WHERE signature IS NOT NULL AND seq IN "
            "(SELECT MIN(seq) FROM articles GROUP BY content_hash) ORDER BY seq"
        ):
            yield r[0], bytes(r[1])

    def replace_lsh(
        self, layout: str, rows: Iterable[tuple[str, Sequence[tuple[int, int]]]]
    ) -> None:
        """Rebuild the LSH rows (another layout, or a database from before they were stored),
        in one transaction."""
        with self._db.transaction():
            self._db.execute("DELETE FROM lsh_bands")
            self._db.execute("DELETE FROM lsh_layout")
            self._db.execute("INSERT INTO lsh_layout (layout) VALUES (?)", (layout,))
            for article_id, keys in rows:
                self._insert_bands(article_id, keys)

    def _insert_bands(self, article_id: str, keys: Sequence[tuple[int, int]]) -> None:
        self._db.executemany(
            "INSERT INTO lsh_bands (band, key, article_id) VALUES (?,?,?)",
            [(band, key, article_id) for band, key in keys],
        )

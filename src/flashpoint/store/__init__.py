"""Store: the embedded SQLite database (WAL), versioned by migrations.

Public entry: :class:`Store`. One writer at a time (a lock file beside the database);
any number of readers, also while an ingest writes.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import IO, Any, Protocol

from flashpoint.records import (
    Article,
    CleanText,
    Mention,
    MetaSpan,
    Rejected,
    Removal,
    Segment,
)

__all__ = ["ArticleRow", "Store", "StoreError", "WriterBusy", "migrations"]


class Relink(Protocol):
    """A changed duplicate link (``flashpoint.dedup.Regroup`` has this shape)."""

    @property
    def article_id(self) -> str: ...
    @property
    def duplicate_of(self) -> str | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def score(self) -> float | None: ...


class StoreError(RuntimeError):
    """The database cannot be used as asked."""


class WriterBusy(StoreError):
    """Another process is writing to this database."""


@dataclass(frozen=True)
class ArticleRow:
    """An article as stored, with its clean text and duplicate link."""

    article: Article
    clean: CleanText
    duplicate_of: str | None
    duplicate_kind: str | None
    duplicate_score: float | None
    seq: int


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped, in order."""
    folder = resources.files("flashpoint").joinpath("store/migrations")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Open with ``Store(path)``; ``Store(path, write=True)`` takes the writer lock."""

    def __init__(self, path: str | Path, *, write: bool = False):
        self.path = Path(path)
        self._lock: IO[str] | None = None
        if not write and not self.path.exists():
            raise StoreError(f"{self.path}: no database here; run `flashpoint ingest` first")
        if write:
            self._take_lock()
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA busy_timeout = 30000")
        if write:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
            self._close_stale_runs()
        else:
            self._check_version()

    # -- lifecycle ---------------------------------------------------------------------

    def _take_lock(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(f"{self.path}.lock", "w")  # noqa: SIM115 (held for the Store's life)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.close()
            raise WriterBusy(
                f"{self.path}: another flashpoint process is writing; wait for it to finish"
            ) from exc
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock = handle

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        for version, sql in migrations():
            if version > self.version:
                self.db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")

    def _check_version(self) -> None:
        latest = migrations()[-1][0]
        if self.version > latest:
            raise StoreError(f"{self.path}: made by a newer flashpoint (schema {self.version})")
        if self.version < latest:
            raise StoreError(f"{self.path}: schema {self.version} is old; run an ingest to migrate")

    def _close_stale_runs(self) -> None:
        # We hold the writer lock, so a run still marked running was killed.
        self.db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")

    # -- runs ----------------------------------------------------------------------------

    def begin_run(self, args: dict[str, Any]) -> int:
        cur = self.db.execute(
            "INSERT INTO runs (started, status, args) VALUES (?, 'running', ?)",
            (_now(), json.dumps(args)),
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "done") -> None:
        self.db.execute(
            "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ?",
            (_now(), status, json.dumps(counts), run_id),
        )

    # -- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def originals(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(id, content_hash, signature) of every non-duplicate article, in ingest order."""
        yield from self.db.execute(
            "SELECT id, content_hash, signature FROM articles WHERE duplicate_of IS NULL "
            "ORDER BY seq"
        )

    def dedup_entries(self) -> Iterator[tuple[str, str, bytes | None, str | None, str | None]]:
        """(id, content_hash, signature, published, duplicate_of) of every article, to seed
        the duplicate index."""
        yield from self.db.execute(
            "SELECT id, content_hash, signature, published, duplicate_of FROM articles ORDER BY seq"
        )

    def write_batch(
        self,
        run_id: int,
        articles: Sequence[tuple[Article, CleanText, Any]],
        rejections: Iterable[Rejected],
        mentions: Iterable[Mention] = (),
        extracted: bool = False,
        relinks: Sequence[Relink] = (),
    ) -> None:
        """Write one batch in one transaction: all of it lands, or none.

        ``relinks`` change the duplicate link of articles stored before (or in this batch):
        an article that is now a duplicate loses its mentions, which come from its original.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for article, clean, verdict in articles:
                self._insert_article(run_id, article, clean, verdict)
            self._insert_mentions(mentions)
            self.db.executemany(
                "UPDATE articles SET duplicate_of = ?, duplicate_kind = ?, duplicate_score = ? "
                "WHERE id = ?",
                [(r.duplicate_of, r.kind, r.score, r.article_id) for r in relinks],
            )
            self.db.executemany(
                "DELETE FROM mentions WHERE article_id = ?",
                [(r.article_id,) for r in relinks if r.duplicate_of is not None],
            )
            if extracted:
                self.db.executemany(
                    "UPDATE articles SET extracted = 1 WHERE id = ?",
                    [(a.id,) for a, _, _ in articles],
                )
            self.db.executemany(
                "INSERT INTO rejections (run_id, path, stage, reason, detail) VALUES (?,?,?,?,?)",
                [(run_id, r.path, r.stage, r.reason, r.detail) for r in rejections],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _insert_article(self, run_id: int, a: Article, clean: CleanText, verdict: Any) -> None:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO articles (id, source, format, outlet, title, published, "
            "language, url, external_id, raw_text, markup, content_hash, signature, "
            "duplicate_of, duplicate_kind, duplicate_score, run_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                a.source,
                a.format,
                a.outlet,
                a.title,
                a.published,
                a.language,
                a.url,
                a.external_id,
                a.text,
                a.markup,
                verdict.content_hash,
                verdict.signature,
                verdict.duplicate_of,
                verdict.kind,
                verdict.score if verdict.kind else None,
                run_id,
            ),
        )
        if cur.rowcount == 0:
            return  # already stored: re-ingesting adds nothing
        segments = [[s.clean_start, s.raw_start, s.length] for s in clean.segments]
        self.db.execute(
            "INSERT INTO clean_texts (article_id, text, segments, meta) VALUES (?,?,?,?)",
            (a.id, clean.text, json.dumps(segments), json.dumps([m.to_dict() for m in clean.meta])),
        )
        self.db.executemany(
            "INSERT INTO removed_spans (article_id, start, end, reason, detail) VALUES (?,?,?,?,?)",
            [(a.id, r.start, r.end, r.reason, r.detail) for r in clean.removed],
        )

    def _insert_mentions(self, mentions: Iterable[Mention]) -> None:
        rows = []
        for m in mentions:
            d = m.date
            rows.append(
                (
                    m.id,
                    m.article_id,
                    m.type,
                    m.mode,
                    d.start if d else None,
                    d.end if d else None,
                    d.precision if d else None,
                    m.sentence.start,
                    m.sentence.end,
                    m.raw_start,
                    m.raw_end,
                    json.dumps(m.to_dict(), ensure_ascii=False),
                )
            )
        self.db.executemany(
            "INSERT OR REPLACE INTO mentions (id, article_id, type, mode, date_start, date_end, "
            "date_precision, sentence_start, sentence_end, raw_start, raw_end, record) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def mentions(self, article_id: str | None = None) -> list[Mention]:
        query = "SELECT record FROM mentions"
        params: tuple[Any, ...] = ()
        if article_id:
            query, params = query + " WHERE article_id = ?", (article_id,)
        rows = self.db.execute(query + " ORDER BY article_id, sentence_start", params)
        return [Mention.from_dict(json.loads(r["record"])) for r in rows]

    def mentions_by_id(self, ids: Iterable[str]) -> dict[str, Mention]:
        """The mentions with these ids (an event's sources), by id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Mention] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT record FROM mentions WHERE id IN ({marks})", chunk)
            found.update(
                (m.id, m) for m in (Mention.from_dict(json.loads(r["record"])) for r in rows)
            )
        return found

    # -- reading -------------------------------------------------------------------------

    def resolve_id(self, prefix: str) -> str | None:
        """The full id for an id or a unique prefix of one (at least 4 characters)."""
        if len(prefix) < 4:
            return None
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        ).fetchall()
        return str(rows[0]["id"]) if len(rows) == 1 else None

    def article(self, article_id: str) -> ArticleRow | None:
        rows = list(self._article_rows("WHERE a.id = ?", (article_id,)))
        return rows[0] if rows else None

    def articles(self, limit: int | None = None) -> Iterator[ArticleRow]:
        clause = "ORDER BY a.seq" + (f" LIMIT {int(limit)}" if limit else "")
        yield from self._article_rows(clause, ())

    def _article_rows(self, clause: str, params: tuple[Any, ...]) -> Iterator[ArticleRow]:
        query = (
            "SELECT a.*, c.text AS clean, c.segments, c.meta FROM articles a "
            "JOIN clean_texts c ON c.article_id = a.id " + clause
        )
        for row in self.db.execute(query, params):
            removed = self.db.execute(
                "SELECT start, end, reason, detail FROM removed_spans WHERE article_id = ? "
                "ORDER BY start, end",
                (row["id"],),
            ).fetchall()
            yield _row_to_article(row, removed)

    def rejections(self, run_id: int | None = None) -> list[Rejected]:
        query = "SELECT path, stage, reason, detail FROM rejections"
        rows = self.db.execute(
            query + (" WHERE run_id = ?" if run_id else ""), (run_id,) if run_id else ()
        )
        return [Rejected(r["path"], r["stage"], r["reason"], r["detail"]) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.db.execute
        runs = one("SELECT status, COUNT(*) n FROM runs GROUP BY status").fetchall()
        reasons = one("SELECT reason, COUNT(*) n FROM rejections GROUP BY reason ORDER BY n DESC")
        formats = one("SELECT format, COUNT(*) n FROM articles GROUP BY format ORDER BY n DESC")
        span = one("SELECT MIN(published), MAX(published) FROM articles").fetchone()
        return {
            "database": str(self.path),
            "schema_version": self.version,
            "articles": one("SELECT COUNT(*) FROM articles").fetchone()[0],
            "duplicates": one(
                "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"
            ).fetchone()[0],
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles").fetchone()[0],
            "published_from": span[0],
            "published_to": span[1],
            "formats": {r["format"]: r["n"] for r in formats},
            "removed_spans": one("SELECT COUNT(*) FROM removed_spans").fetchone()[0],
            "mentions": one("SELECT COUNT(*) FROM mentions").fetchone()[0],
            "mentions_by_mode": {
                r["mode"]: r["n"]
                for r in one("SELECT mode, COUNT(*) n FROM mentions GROUP BY mode ORDER BY n DESC")
            },
            "rejections_by_reason": {r["reason"]: r["n"] for r in reasons},
            "runs": {r["status"]: r["n"] for r in runs},
        }


def _row_to_article(row: sqlite3.Row, removed: list[sqlite3.Row]) -> ArticleRow:
    article = Article(
        id=row["id"],
        source=row["source"],
        format=row["format"],
        text=row["raw_text"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        url=row["url"],
        external_id=row["external_id"],
        markup=row["markup"],
    )
    clean = CleanText(
        article_id=row["id"],
        text=row["clean"],
        segments=tuple(Segment(*s) for s in json.loads(row["segments"])),
        removed=tuple(Removal(r["start"], r["end"], r["reason"], r["detail"]) for r in removed),
        meta=tuple(MetaSpan.from_dict(m) for m in json.loads(row["meta"])),
    )
    return ArticleRow(
        article,
        clean,
        row["duplicate_of"],
        row["duplicate_kind"],
        row["duplicate_score"],
        row["seq"],
    )

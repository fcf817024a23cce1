"""Articles, their clean text, mentions, rejections and runs: the Store's methods for them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from flashpoint.records import Article, CleanText, Mention, MetaSpan, Rejected, Removal, Segment
from flashpoint.store.database import Database

__all__ = ["ArticleInfo", "ArticleRow", "ArticleStore"]


@dataclass(frozen=True)
class ArticleRow:
    """An article as stored, with its clean text and duplicate link."""

    article: Article
    clean: CleanText
    duplicate_of: str | None
    duplicate_kind: str | None
    duplicate_score: float | None
    seq: int


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


@dataclass(frozen=True)
class ArticleInfo:
    """What the merge needs of an article: its outlet, date and duplicate link."""

    outlet: str | None
    published: str | None
    duplicate_of: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_CHUNK = 500  # SQLite's limit on bound parameters, with room


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), _CHUNK):
        yield wanted[start : start + _CHUNK]


class ArticleStore:
    """Articles, mentions, rejections and runs (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    # -- runs ----------------------------------------------------------------------------

    def begin_run(self, args: dict[str, Any]) -> int:
        cur = self._db.execute(
            "INSERT INTO runs (started, status, args) VALUES (?, 'running', ?)",
            (_now(), json.dumps(args, ensure_ascii=True)),
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "done") -> None:
        self._db.execute(
            "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ?",
            (_now(), status, json.dumps(counts), run_id),
        )

    def _close_stale_runs(self) -> None:
        # We hold the writer lock, so a run still marked running was killed.
        self._db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first: id, started, finished, status, args, counts."""
        return [
            {**dict(r), "args": json.loads(r["args"]), "counts": json.loads(r["counts"])}
            for r in self._db.rows("SELECT * FROM runs ORDER BY id")
        ]

    # -- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._db.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def originals(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(id, content_hash, signature) of every non-duplicate article, in ingest order."""
        for r in self._db.rows(
            "SELECT id, content_hash, signature FROM articles WHERE duplicate_of IS NULL "
            "ORDER BY seq"
        ):
            yield r[0], r[1], r[2]

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
        an article that is now a duplicate loses its mentions, which come from its original;
        one that is now an original is marked unextracted, so the next extraction reads it.
        """
        with self._db.transaction():
            for article, clean, verdict in articles:
                self._insert_article(run_id, article, clean, verdict)
            self._insert_mentions(mentions)
            if extracted:
                self._db.executemany(
                    "UPDATE articles SET extracted = 1 WHERE id = ?",
                    [(a.id,) for a, _, _ in articles],
                )
            self._db.executemany(
                # extracted stays only for an original that stays one (its mentions stay)
                "UPDATE articles SET duplicate_of = ?, duplicate_kind = ?, duplicate_score = ?, "
                "extracted = CASE WHEN duplicate_of IS NULL AND ? IS NULL THEN extracted "
                "ELSE 0 END WHERE id = ?",
                [(r.duplicate_of, r.kind, r.score, r.duplicate_of, r.article_id) for r in relinks],
            )
            self._db.executemany(
                "DELETE FROM mentions WHERE article_id = ?",
                [(r.article_id,) for r in relinks if r.duplicate_of is not None],
            )
            self._insert_rejections(run_id, rejections)

    def _insert_rejections(self, run_id: int, rejections: Iterable[Rejected]) -> None:
        # Once per input: a re-run that meets the same bad input stores nothing new.
        self._db.executemany(
            "INSERT OR IGNORE INTO rejections (run_id, path, stage, reason, detail) "
            "VALUES (?,?,?,?,?)",
            [(run_id, r.path, r.stage, r.reason, r.detail) for r in rejections],
        )

    def _insert_article(self, run_id: int, a: Article, clean: CleanText, verdict: Any) -> None:
        cur = self._db.execute(
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
        self._db.executemany(  # the article's rows in the near-duplicate index
            "INSERT INTO lsh_bands (band, key, article_id) VALUES (?,?,?)",
            [(band, key, a.id) for band, key in getattr(verdict, "lsh_keys", ())],
        )
        segments = [[s.clean_start, s.raw_start, s.length] for s in clean.segments]
        self._db.execute(
            "INSERT INTO clean_texts (article_id, text, segments, meta) VALUES (?,?,?,?)",
            (a.id, clean.text, json.dumps(segments), json.dumps([m.to_dict() for m in clean.meta])),
        )
        self._db.executemany(
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
        self._db.executemany(
            "INSERT OR REPLACE INTO mentions (id, article_id, type, mode, date_start, date_end, "
            "date_precision, sentence_start, sentence_end, raw_start, raw_end, record) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def write_extracted(
        self,
        run_id: int,
        article_ids: Sequence[str],
        mentions: Iterable[Mention],
        rejections: Iterable[Rejected] = (),
    ) -> None:
        """Mentions of articles stored earlier without extraction, and their mark, at once."""
        with self._db.transaction():
            self._insert_mentions(mentions)
            self._db.executemany(
                "UPDATE articles SET extracted = 1 WHERE id = ?", [(i,) for i in article_ids]
            )
            self._insert_rejections(run_id, rejections)

    def unextracted_ids(self) -> list[str]:
        """Originals stored while extraction was off (or by an older flashpoint), by seq."""
        rows = self._db.rows(
            "SELECT id FROM articles WHERE duplicate_of IS NULL AND extracted = 0 ORDER BY seq"
        )
        return [r[0] for r in rows]

    # -- reading -------------------------------------------------------------------------

    def mentions(self, article_id: str | None = None) -> list[Mention]:
        query = "SELECT record FROM mentions"
        params: tuple[Any, ...] = ()
        if article_id:
            query, params = query + " WHERE article_id = ?", (article_id,)
        rows = self._db.rows(query + " ORDER BY article_id, sentence_start", params)
        return [Mention.from_dict(json.loads(r["record"])) for r in rows]

    def mentions_by_id(self, ids: Iterable[str]) -> dict[str, Mention]:
        """The mentions with these ids (an event's sources), by id."""
        found: dict[str, Mention] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            rows = self._db.rows(f"SELECT record FROM mentions WHERE id IN ({marks})", chunk)
            found.update(
                (m.id, m) for m in (Mention.from_dict(json.loads(r["record"])) for r in rows)
            )
        return found

    def article_infos(self) -> dict[str, ArticleInfo]:
        """Outlet, date and duplicate link of every article, by id (what the merge reads)."""
        return {
            r["id"]: ArticleInfo(r["outlet"], r["published"], r["duplicate_of"])
            for r in self._db.rows("SELECT id, outlet, published, duplicate_of FROM articles")
        }

    def resolve_id(self, prefix: str) -> str | None:
        """The full id for an id or a unique prefix of one (at least 4 characters)."""
        if len(prefix) < 4:
            return None
        rows = self._db.all(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        )
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
        for row in self._db.rows(query, params):
            removed = self._db.all(
                "SELECT start, end, reason, detail FROM removed_spans WHERE article_id = ? "
                "ORDER BY start, end",
                (row["id"],),
            )
            yield _row_to_article(row, removed)

    def rejections(self, run_id: int | None = None) -> list[Rejected]:
        query = "SELECT path, stage, reason, detail FROM rejections"
        rows = self._db.rows(
            query + (" WHERE run_id = ?" if run_id else "") + " ORDER BY id",
            (run_id,) if run_id else (),
        )
        return [Rejected(r["path"], r["stage"], r["reason"], r["detail"]) for r in rows]

    def article_stats(self) -> dict[str, Any]:
        one = self._db.value
        runs = self._db.all("SELECT status, COUNT(*) n FROM runs GROUP BY status")
        reasons = self._db.all(
            "SELECT reason, COUNT(*) n FROM rejections GROUP BY reason ORDER BY n DESC, reason"
        )
        formats = self._db.all(
            "SELECT format, COUNT(*) n FROM articles GROUP BY format ORDER BY n DESC, format"
        )
        span = self._db.one("SELECT MIN(published), MAX(published) FROM articles")
        modes = self._db.all(
            "SELECT mode, COUNT(*) n FROM mentions GROUP BY mode ORDER BY n DESC, mode"
        )
        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles"),
            "published_from": span[0] if span else None,
            "published_to": span[1] if span else None,
            "formats": {r["format"]: r["n"] for r in formats},
            "removed_spans": one("SELECT COUNT(*) FROM removed_spans"),
            "mentions": one("SELECT COUNT(*) FROM mentions"),
            "mentions_by_mode": {r["mode"]: r["n"] for r in modes},
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

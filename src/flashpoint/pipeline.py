"""The ingest job: read -> clean -> dedup -> store, in batches, resumable.

Each batch is one transaction, so a killed run loses at most the batch in flight; the next
run skips every article already stored (ids are hashes of the raw bytes) and redoes the rest.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flashpoint.clean.patterns import load_patterns
from flashpoint.dedup import DuplicateIndex, Regroup, Signed, Verdict
from flashpoint.errors import reject
from flashpoint.ingest import Context, Item, read_inputs
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.language import is_extractable
from flashpoint.merge_job import merge_changed
from flashpoint.parallel import ordered_work, resolve_workers
from flashpoint.records import Article, CleanText, Mention, Rejected
from flashpoint.settings import Settings
from flashpoint.stages import Processed, clean_and_sign, clean_one, extract_one, locate_mentions
from flashpoint.store import Store

__all__ = [
    "RunReport",
    "clean_one",
    "extract_article",
    "locate_mentions",
    "run_ingest",
    "run_load",
    "run_merge",
]

MAX_KEPT_REJECTIONS = 100


@dataclass
class RunReport:
    """What one ingest did, in counts a user can check."""

    run_id: int
    database: str
    new: int = 0
    duplicates: int = 0
    already_stored: int = 0
    mentions: int = 0
    events: int = 0
    demoted: int = 0  # originals that became duplicates of an earlier-published newcomer
    rejected: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejected] = field(default_factory=list)  # the first few, as examples

    def reject(self, item: Rejected) -> None:
        """Count a rejection; only the first few are kept, so memory stays bounded."""
        self.rejected[item.reason] += 1
        if len(self.rejections) < MAX_KEPT_REJECTIONS:
            self.rejections.append(item)

    @property
    def read(self) -> int:
        return self.new + self.already_stored

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "database": self.database,
            "new_articles": self.new,
            "duplicates": self.duplicates,
            "already_stored": self.already_stored,
            "mentions": self.mentions,
            "events": self.events,
            "rejected": sum(self.rejected.values()),
            "rejected_by_reason": dict(self.rejected),
        }


def _inputs(
    paths: Iterable[str], urls: Iterable[str], settings: Settings, overrides: dict[str, Any]
) -> Iterator[Item]:
    yield from read_inputs(
        paths,
        max_bytes=settings.int("ingest.max_bytes"),
        language=settings.str("ingest.default_language"),
        overrides=overrides,
    )
    ctx = Context(
        settings.int("ingest.max_bytes"),
        settings.str("ingest.default_language"),
        {k: v for k, v in overrides.items() if v},
    )
    for url in urls:
        yield from fetch_url(
            url,
            ctx,
            settings.float("ingest.fetch_timeout_s"),
            settings.int("ingest.fetch_max_bytes"),
        )


def run_ingest(
    paths: Iterable[str],
    settings: Settings,
    *,
    urls: Iterable[str] = (),
    overrides: dict[str, Any] | None = None,
    on_item: Callable[[Item], None] | None = None,
    workers: int | None = None,
) -> RunReport:
    """Ingest every input into the database named by ``store.path``.

    ``workers`` (default ``ingest.workers``; 0: one per core) processes clean, extract and geo
    each article; this process reads, checks duplicates and writes, in input order, so the
    result is the same for any number of workers. Inputs shorter than ``ingest.parallel_from``
    articles run in this process: starting workers costs more than they save.
    """
    paths, urls = list(paths), list(urls)
    count = resolve_workers(settings.int("ingest.workers") if workers is None else workers)
    with Store(settings.str("store.path"), write=True) as store:
        run_id = store.begin_run({"paths": paths, "urls": urls})
        job = _Ingest(store, run_id, settings, on_item)
        items = _inputs(paths, urls, settings, overrides or {})
        head, items = _peek(items, settings.int("ingest.parallel_from"))
        if count > 1 and len(head) >= settings.int("ingest.parallel_from"):
            work = ordered_work(
                items, job.submit, settings, extracting=job.extracting, workers=count
            )
            for item, processed in work:
                job.take(item, processed)
        else:
            for item in items:
                job.take_here(item)
        return job.finish()


def run_load(
    items: Iterable[tuple[Item, Processed | None]], settings: Settings, *, source: str
) -> RunReport:
    """Store what `flashpoint batch` made (:func:`flashpoint.batch.read_output`): the same
    duplicate check, writer and merge as ingest, so the store ends up the same."""
    with Store(settings.str("store.path"), write=True) as store:
        run_id = store.begin_run({"load": source})
        job = _Ingest(store, run_id, settings, None)
        for item, processed in items:
            admitted = job.submit(item)
            job.take(item, processed if admitted is not None else None)
        return job.finish()


def _peek(items: Iterator[Item], n: int) -> tuple[list[Item], Iterator[Item]]:
    """The first ``n`` items (fewer if the input is shorter), and all of them again."""
    head = list(itertools.islice(items, n))
    return head, itertools.chain(head, items)


class _Ingest:
    """One ingest run's state in the writing process: the duplicate index, the batch being
    built, the report. Items arrive in input order, processed here or by workers."""

    def __init__(
        self,
        store: Store,
        run_id: int,
        settings: Settings,
        on_item: Callable[[Item], None] | None,
    ):
        self.store, self.run_id, self.settings, self.on_item = store, run_id, settings, on_item
        self.index = _duplicate_index(store, settings)
        self.report = RunReport(run_id, str(store.path))
        self.extracting = bool(settings["extract.enabled"])
        self.size = settings.int("ingest.batch_size")
        self.patterns = load_patterns(settings.str("clean.extra_patterns"))
        self.seen: set[str] = set()  # read in this run, not (yet) answered by the store
        self.batch: list[tuple[Article, CleanText, Verdict]] = []
        self.pending: list[Rejected] = []
        self.mentions: list[Mention] = []
        self.relinks: dict[str, Regroup] = {}

    def _notify(self, item: Item) -> None:
        if self.on_item is not None:
            self.on_item(item)

    def _is_new(self, item: Item) -> bool:
        """Counts a rejection or an article stored before; True for an article to process."""
        if isinstance(item, Rejected):
            self._reject(item)
            return False
        if item.id in self.seen or self.store.has_article(item.id):
            self.report.already_stored += 1
            return False
        self.seen.add(item.id)
        return True

    def submit(self, item: Item) -> Article | None:
        """As an item is read (pool path): the article for a worker, or None."""
        self._notify(item)
        if isinstance(item, Rejected) or item.id in self.seen or self.store.has_article(item.id):
            return None
        self.seen.add(item.id)
        return item

    def take(self, item: Item, processed: Processed | None) -> None:
        """An item back from the pool, in input order."""
        if processed is None:
            if isinstance(item, Rejected):
                self._reject(item)
            else:
                self.report.already_stored += 1
            self._flush_if_full()
            return
        if isinstance(processed.clean, Rejected):
            self._notify(processed.clean)
            self._reject(processed.clean)
            return
        assert processed.signed is not None and isinstance(item, Article)
        verdict = self._check(item, processed.clean, processed.signed)
        if verdict is None:
            return
        if verdict.duplicate_of is None and processed.mentions is not None:
            self._found(processed.mentions)
        self._flush_if_full()

    def take_here(self, item: Item) -> None:
        """An item processed in this process (one worker, or a short input)."""
        self._notify(item)
        if not self._is_new(item):
            self._flush_if_full()
            return
        assert isinstance(item, Article)
        checked = clean_and_sign(item, self.settings, self.patterns)
        if isinstance(checked, Rejected):
            self._notify(checked)
            self._reject(checked)
            return
        clean, signed = checked
        verdict = self._check(item, clean, signed)
        if verdict is None:
            return
        if self.extracting and verdict.duplicate_of is None and is_extractable(item):
            self._found(extract_one(item, clean))
        self._flush_if_full()

    def _check(self, item: Article, clean: CleanText, signed: Signed) -> Verdict | None:
        """The duplicate check; the article joins the batch. None (and a rejection) if the
        check failed."""
        try:
            verdict = self.index.check(item.id, clean.text, item.published, signed=signed)
        except Exception as exc:  # a bug on one odd article must not lose the batch
            found = reject(item.source, "dedup", "dedup_failed", f"{type(exc).__name__}: {exc}")
            self._notify(found)
            self._reject(found)
            return None
        self.report.new += 1
        self.report.duplicates += verdict.duplicate_of is not None
        self.batch.append((item, clean, verdict))
        self.mentions = _relink(self.index.changes(), self.relinks, self.mentions, self.report)
        return verdict

    def _found(self, found: list[Mention] | Rejected) -> None:
        if isinstance(found, Rejected):
            self._notify(found)
            self._reject(found)
        else:
            self.mentions.extend(found)
            self.report.mentions += len(found)

    def _reject(self, item: Rejected) -> None:
        self.report.reject(item)
        self.pending.append(item)

    def _flush_if_full(self) -> None:
        # rejections count towards the batch too: an endless stream of bad records is
        # written out as it comes, never held
        if len(self.batch) + len(self.pending) >= self.size:
            self._flush()

    def _flush(self) -> None:
        self.store.write_batch(
            self.run_id,
            self.batch,
            self.pending,
            self.mentions,
            self.extracting,
            list(self.relinks.values()),
        )
        self.seen.difference_update(article.id for article, _, _ in self.batch)
        self.batch, self.pending, self.mentions, self.relinks = [], [], [], {}
        self.index.flushed()  # the store answers for the batch now: memory stays flat

    def finish(self) -> RunReport:
        self._flush()
        report = self.report
        if self.extracting:
            extract_pending(self.store, self.run_id, report, self.size)
        if self.extracting or report.demoted:
            report.events = run_merge(self.store)
        self.store.finish_run(self.run_id, report.to_dict())
        return report


def run_merge(store: Store) -> int:
    """Merge the mentions stored since the last merge into events and store them; returns the
    number of events. The merge is replayed only around them (flashpoint.merge_job),
    with the same result as merging every mention, so it does not depend on ingest order; an
    event keeps its id when new reports attach to it.
    """
    merge_changed(store)
    return store.count_events()


def extract_pending(store: Store, run_id: int, report: RunReport, size: int) -> None:
    """Extract the originals stored while extraction was off (or that an older flashpoint
    stored unextracted), in batches of ``size``: turning extraction on catches them up."""
    ids: list[str] = []
    mentions: list[Mention] = []
    pending: list[Rejected] = []
    for article_id in store.unextracted_ids():
        row = store.article(article_id)
        if row is None:
            continue
        found = extract_one(row.article, row.clean) if is_extractable(row.article) else []
        if isinstance(found, Rejected):
            report.reject(found)
            pending.append(found)
        else:
            mentions.extend(found)
            report.mentions += len(found)
        ids.append(row.article.id)
        if len(ids) >= size:
            store.write_extracted(run_id, ids, mentions, pending)
            ids, mentions, pending = [], [], []
    if ids:
        store.write_extracted(run_id, ids, mentions, pending)


def extract_article(
    article: Article, clean: CleanText, *, geo: bool = True
) -> list[Mention] | Rejected:
    """The mentions of one cleaned article, as ingest extracts them (`flashpoint extract`)."""
    return extract_one(article, clean, geo=geo)


def _relink(
    changes: list[Regroup],
    relinks: dict[str, Regroup],
    mentions: list[Mention],
    report: RunReport,
) -> list[Mention]:
    """Queue changed duplicate links for the next write; a demoted original's mentions in
    this batch are dropped (the store drops those written before)."""
    if not changes:
        return mentions
    demoted = set()
    for change in changes:
        relinks[change.article_id] = change
        if change.was_original and change.duplicate_of is not None:
            demoted.add(change.article_id)
    report.demoted += len(demoted)
    report.duplicates += len(demoted)
    kept = [m for m in mentions if m.article_id not in demoted]
    report.mentions -= len(mentions) - len(kept)
    return kept


def _duplicate_index(store: Store, settings: Settings) -> DuplicateIndex:
    """The duplicate index over the store, all on disk: LSH bands, signatures, content hashes
    and groups are looked up as needed (the bands rebuilt once when the stored rows were made
    with another banding), so nothing is loaded here."""
    index = DuplicateIndex(
        threshold=settings.float("dedup.threshold"),
        num_perm=settings.int("dedup.num_perm"),
        shingle_words=settings.int("dedup.shingle_words"),
        min_shingles=settings.int("dedup.min_shingles"),
        stored=store,
    )
    if store.lsh_layout() != index.layout:
        store.replace_lsh(
            index.layout, ((i, index.band_keys(sig)) for i, sig in store.first_signatures())
        )
    return index

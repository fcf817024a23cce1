"""The ingest job: read -> clean -> dedup -> store, in batches, resumable.

Each batch is one transaction, so a killed run loses at most the batch in flight; the next
run skips every article already stored (ids are hashes of the raw bytes) and redoes the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint.clean import ArticleTooLarge, clean_article
from flashpoint.clean.patterns import Patterns, load_patterns
from flashpoint.dedup import DuplicateIndex, Regroup, Verdict
from flashpoint.errors import reject
from flashpoint.ingest import Context, Item, read_inputs
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.language import is_extractable
from flashpoint.merge_job import merge_changed
from flashpoint.records import Article, CleanText, Mention, Rejected
from flashpoint.settings import Settings
from flashpoint.store import Store

__all__ = ["RunReport", "clean_one", "extract_article", "run_ingest", "run_merge"]

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
) -> RunReport:
    """Ingest every input into the database named by ``store.path``."""
    paths, urls = list(paths), list(urls)
    with Store(settings.str("store.path"), write=True) as store:
        index = _seeded_index(store, settings)
        run_id = store.begin_run({"paths": paths, "urls": urls})
        report = RunReport(run_id, str(store.path))
        batch: list[tuple[Article, CleanText, Verdict]] = []
        pending: list[Rejected] = []
        mentions: list[Mention] = []
        relinks: dict[str, Regroup] = {}
        extracting = bool(settings["extract.enabled"])
        seen: set[str] = set()
        patterns = load_patterns(settings.str("clean.extra_patterns"))
        size = settings.int("ingest.batch_size")
        for item in _inputs(paths, urls, settings, overrides or {}):
            if on_item is not None:
                on_item(item)
            if isinstance(item, Rejected):
                report.reject(item)
                pending.append(item)
            elif item.id in seen or store.has_article(item.id):
                report.already_stored += 1
            else:
                seen.add(item.id)
                checked = _clean_and_check(item, index, patterns, settings)
                if isinstance(checked, Rejected):
                    if on_item is not None:
                        on_item(checked)
                    report.reject(checked)
                    pending.append(checked)
                    continue
                clean, verdict = checked
                report.new += 1
                report.duplicates += verdict.duplicate_of is not None
                batch.append((item, clean, verdict))
                mentions = _relink(index.changes(), relinks, mentions, report)
                if extracting and verdict.duplicate_of is None and is_extractable(item):
                    found = _extract(item, clean)
                    if isinstance(found, Rejected):
                        if on_item is not None:
                            on_item(found)
                        report.reject(found)
                        pending.append(found)
                    else:
                        mentions.extend(found)
                        report.mentions += len(found)
            # rejections count towards the batch too: an endless stream of bad records is
            # written out as it comes, never held
            if len(batch) + len(pending) >= size:
                store.write_batch(
                    run_id, batch, pending, mentions, extracting, list(relinks.values())
                )
                batch, pending, mentions, relinks = [], [], [], {}
        store.write_batch(run_id, batch, pending, mentions, extracting, list(relinks.values()))
        if extracting:
            extract_pending(store, run_id, report, size)
        if extracting or report.demoted:
            report.events = run_merge(store)
        store.finish_run(run_id, report.to_dict())
    return report


def run_merge(store: Store) -> int:
    """Merge the mentions stored since the last merge into events and store them; returns the
    number of events. Only the merge blocks they touch are merged again (flashpoint.merge_job),
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
        found = _extract(row.article, row.clean) if is_extractable(row.article) else []
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


def locate_mentions(
    mentions: list[Mention], clean_text: str, outlet: str | None, doc: Any = None
) -> list[Mention]:
    """The geo stage: each mention gets the place where its event happened."""
    if not mentions:
        return mentions
    from flashpoint.geo import find_places, locate  # here: loads the gazetteer index

    places = find_places(clean_text, outlet=outlet, doc=doc)
    return [replace(m, place=locate(m, clean_text, places)) for m in mentions]


def clean_one(article: Article, settings: Settings, patterns: Patterns | None = None) -> CleanText:
    """Clean one article as ingest does: the same patterns and settings (also for
    `flashpoint extract`). ArticleTooLarge past clean.max_chars or clean.max_paragraphs."""
    return clean_article(
        article,
        patterns=patterns or load_patterns(settings.str("clean.extra_patterns")),
        near_jaccard=settings.float("clean.near_repeat_jaccard"),
        min_repeat_words=settings.int("clean.min_repeat_words"),
        max_chars=settings.int("clean.max_chars"),
        max_paragraphs=settings.int("clean.max_paragraphs"),
    )


def extract_article(
    article: Article, clean: CleanText, *, geo: bool = True
) -> list[Mention] | Rejected:
    """The mentions of one cleaned article, as ingest extracts them (`flashpoint extract`)."""
    return _extract(article, clean, geo=geo)


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


def _clean_and_check(
    item: Article, index: DuplicateIndex, patterns: Patterns, settings: Settings
) -> tuple[CleanText, Verdict] | Rejected:
    """Clean the article and check it for duplicates; a failure rejects this article only."""
    stage = "clean"
    try:
        clean = clean_one(item, settings, patterns)
        stage = "dedup"
        return clean, index.check(item.id, clean.text, item.published)
    except ArticleTooLarge as exc:
        return reject(item.source, "clean", "too_large", str(exc))
    except Exception as exc:  # a bug on one odd article must not lose the batch
        return reject(item.source, stage, f"{stage}_failed", f"{type(exc).__name__}: {exc}")


def _extract(article: Article, clean: CleanText, *, geo: bool = True) -> list[Mention] | Rejected:
    """Extract, then geocode, sharing one parse of the article in which only sentences with
    a cue word are parsed; an article with none is not parsed at all."""
    from flashpoint.extract import extract_mentions, parse_candidates  # here: loads spaCy

    stage = "extract"
    try:
        doc = parse_candidates(clean.text)
        if doc is None:
            return []
        found = extract_mentions(clean, published=article.published, outlet=article.outlet, doc=doc)
        if not geo:
            return found
        stage = "geo"
        return locate_mentions(found, clean.text, article.outlet or article.url, doc)
    except Exception as exc:  # a bug in a rule must not lose the batch: count it, report it
        return reject(article.source, stage, f"{stage}_failed", f"{type(exc).__name__}: {exc}")


def _seeded_index(store: Store, settings: Settings) -> DuplicateIndex:
    index = DuplicateIndex(
        threshold=settings.float("dedup.threshold"),
        num_perm=settings.int("dedup.num_perm"),
        shingle_words=settings.int("dedup.shingle_words"),
        min_shingles=settings.int("dedup.min_shingles"),
    )
    for article_id, chash, signature, published, duplicate_of in store.dedup_entries():
        index.add(article_id, chash, signature, published, duplicate_of)
    return index

"""Running a batch: each pending shard through the per-article stages, on an engine.

:class:`ShardWork` is what a worker process (``--engine local``) or a Ray actor
(``--engine ray``) holds: the stages, loaded once, applied to one shard at a time. It never
imports an engine; :mod:`flashpoint.batch.ray_engine` wraps it for Ray.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.batch.output import finished, mark_done, write_shard
from flashpoint.batch.shards import Shard, list_shards, read_shard
from flashpoint.nlp import decide_matrix_kernel
from flashpoint.records import Article, Rejected
from flashpoint.settings import Settings
from flashpoint.stages import ArticleWork, Processed

__all__ = ["BatchReport", "ShardFailed", "ShardWork", "run_batch"]


class ShardFailed(RuntimeError):
    """A shard that failed on every attempt; its marker is not written, a re-run retries it."""


@dataclass
class BatchReport:
    """What a batch did, in counts a user can check."""

    out: str
    engine: str
    shards: int = 0
    done: int = 0
    skipped: int = 0  # finished by an earlier run
    articles: int = 0
    mentions: int = 0
    rejected: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # shard source -> last error
    listing: list[Rejected] = field(default_factory=list)

    def add(self, counts: dict[str, int]) -> None:
        self.done += 1
        self.articles += counts["articles"]
        self.mentions += counts["mentions"]
        self.rejected += counts["rejected"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "engine": self.engine,
            "shards": self.shards,
            "done": self.done,
            "skipped": self.skipped,
            "articles": self.articles,
            "mentions": self.mentions,
            "rejected": self.rejected + len(self.listing),
            "failed": self.failed,
            "unlisted": [r.line() for r in self.listing],
        }


class ShardWork:
    """The stages for whole shards; one per worker process or actor.

    ``fail_once``: an article id on which this work raises the first time it meets it (a
    marker file in the output folder remembers it across processes) - the fault injected by
    the tests to show that a failed shard is retried and the output is unchanged."""

    def __init__(self, settings: Settings, out: str, fail_once: str | None = None):
        self.settings = settings
        self.out = Path(out)
        self.work = ArticleWork(settings, bool(settings["extract.enabled"]))
        self.fail_once = fail_once

    def __call__(self, source: str) -> dict[str, int]:
        """Process one shard, write its Parquet and its marker; returns its counts."""
        shard = Shard(source)
        results: list[tuple[Article | Rejected, Processed | None]] = []
        for item in read_shard(shard, self.settings):
            if isinstance(item, Rejected):
                results.append((item, None))
            else:
                self._maybe_fail(item.id)
                results.append((item, self.work(item)))
        counts = write_shard(self.out, shard.id, results)
        mark_done(self.out, shard.id, source, counts)
        return counts

    def attempt(self, source: str, tries: int) -> dict[str, Any]:
        """Up to ``tries`` attempts; the counts, or the last error."""
        error = ""
        for _ in range(max(1, tries)):
            try:
                return {"source": source, "counts": self(source)}
            except Exception as exc:  # this shard only: the others go on
                error = f"{type(exc).__name__}: {exc}"
        return {"source": source, "error": error}

    def _maybe_fail(self, article_id: str) -> None:
        if self.fail_once != article_id:
            return
        flag = self.out / "_faults" / article_id
        if not flag.exists():
            flag.parent.mkdir(parents=True, exist_ok=True)
            flag.write_text("raised once\n", "utf-8")
            raise RuntimeError(f"injected fault on article {article_id}")


def run_batch(
    inputs: Iterable[str],
    out: str,
    settings: Settings,
    *,
    engine: str = "local",
    workers: int = 0,
    fail_once: str | None = None,
) -> BatchReport:
    """Process every shard of ``inputs`` not finished in ``out`` yet."""
    Path(out).mkdir(parents=True, exist_ok=True)
    report = BatchReport(str(out), engine)
    shards, report.listing = list_shards(inputs)
    report.shards = len(shards)
    done = {marker["source"] for marker in finished(Path(out)).values()}
    pending = [s.source for s in shards if s.source not in done]
    report.skipped = report.shards - len(pending)
    tries = settings.int("batch.shard_tries")
    if engine == "ray":
        from flashpoint.batch.ray_engine import run_on_ray  # the optional extra

        results: Iterable[dict[str, Any]] = run_on_ray(pending, out, settings, tries, fail_once)
    else:
        results = _run_local(pending, out, settings, tries, fail_once, workers)
    for result in results:
        if "error" in result:
            report.failed[result["source"]] = result["error"]
        else:
            report.add(result["counts"])
    return report


_shard_work: ShardWork | None = None  # this worker process's stages


def _start(settings: Settings, out: str, fail_once: str | None, parent: int) -> None:
    from flashpoint.parallel import die_with_parent

    global _shard_work
    die_with_parent(parent)
    _shard_work = ShardWork(settings, out, fail_once)


def _attempt(source: str, tries: int) -> dict[str, Any]:
    assert _shard_work is not None, "worker started without _start"
    return _shard_work.attempt(source, tries)


def _run_local(
    sources: list[str],
    out: str,
    settings: Settings,
    tries: int,
    fail_once: str | None,
    workers: int,
) -> Iterator[dict[str, Any]]:
    """The shards in a pool of worker processes, no engine; a shard whose worker died is
    retried in a fresh pool."""
    from flashpoint.parallel import resolve_workers

    if not sources:
        return
    count = max(1, min(resolve_workers(workers), len(sources)))
    decide_matrix_kernel()  # in the environment the workers inherit: one kernel for the run
    context = multiprocessing.get_context("spawn")
    left = list(sources)
    for _ in range(max(1, tries)):
        with ProcessPoolExecutor(
            count,
            mp_context=context,
            initializer=_start,
            initargs=(settings, out, fail_once, os.getpid()),
        ) as pool:
            futures: list[tuple[str, Future[dict[str, Any]]]] = [
                (s, pool.submit(_attempt, s, tries)) for s in left
            ]
            left = []
            for source, future in futures:
                try:
                    yield future.result()
                except Exception:  # the worker died: the shard goes to the next pool
                    left.append(source)
        if not left:
            return
    for source in left:
        yield {"source": source, "error": "its worker process died on every attempt"}

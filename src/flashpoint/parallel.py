"""Per-article work on every core: an ordered, bounded pool of worker processes.

Workers run :class:`flashpoint.stages.ArticleWork` (clean, sign, extract, geo), each loading
spaCy and the gazetteer once. Results come back in input order, so whatever consumes them (the
duplicate index, the one store writer) sees exactly the sequence a single process would: the
output does not depend on the number of workers. At most ``window`` articles are in flight, so
memory does not grow with the input.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import TypeVar

from flashpoint.nlp import decide_matrix_kernel
from flashpoint.records import Article
from flashpoint.settings import Settings
from flashpoint.stages import ArticleWork, Processed

__all__ = ["cores", "die_with_parent", "ordered_work", "resolve_workers"]

T = TypeVar("T")

_work: ArticleWork | None = None  # this worker process's stages, set by _start
_PR_SET_PDEATHSIG = 1


def cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_workers(setting: int) -> int:
    """``ingest.workers``: 0 means one per core."""
    return setting if setting > 0 else cores()


def die_with_parent(parent: int) -> None:
    """In a worker: end when the parent process (pid ``parent``) ends, so a killed ingest
    leaves no worker waiting for work forever (Linux; elsewhere the pool's own checks)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it died before the request above was made
        os._exit(1)


def _start(settings: Settings, extracting: bool, parent: int) -> None:
    global _work
    die_with_parent(parent)
    _work = ArticleWork(settings, extracting)


def _start_method(local: ArticleWork) -> BaseContext:
    """How worker processes start. fork where it is safe: on Linux, from a process running
    one thread (a fork copies no other thread, so a lock another thread held would stay
    held). The models are loaded here first, so each worker starts with them (and spaCy's
    memos) instead of paying the imports and loads again: about 1.6 CPU-s per worker. The
    one database connection a worker uses, the gazetteer's, is reopened in it
    (:mod:`flashpoint.geo.gazetteer`); the store's is never touched there. Elsewhere, spawn:
    a fresh interpreter per worker, as macOS and Windows do anyway."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        local.load()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run(article: Article) -> Processed:
    assert _work is not None, "worker started without _start"
    return _work(article)


def ordered_work(
    items: Iterable[T],
    job: Callable[[T], Article | None],
    settings: Settings,
    *,
    extracting: bool,
    workers: int,
    window: int = 0,
) -> Iterator[tuple[T, Processed | None]]:
    """Each item with its processed article (``None`` for items ``job`` passes through), in
    input order. ``job`` runs in this process, in input order, as items are read.

    ``workers - 1`` processes are started and this process is the last worker: it processes
    an article itself whenever each of them has ``queued`` articles waiting, and the pool
    holds at least as much text in flight as the article has (see :func:`_work_here`). So no
    core is idle while the pool starts (a spaCy load per process), the writer's core works
    between writes, and one model load fewer is paid. Which process does an article changes
    nothing: each runs the same :class:`ArticleWork`.

    A worker that dies (killed, out of memory) breaks the pool; the articles it held are then
    processed here, in this process, so nothing is lost and the order stands.
    """
    window = window or workers * 8
    pooled = max(1, workers - 1)
    queued = 2 * pooled  # articles in the pool (running or waiting) before this one works
    here = ArticleWork(settings, extracting)
    decide_matrix_kernel()  # in the environment the workers inherit: one kernel for the run
    pool = ProcessPoolExecutor(
        pooled,
        mp_context=_start_method(here),
        initializer=_start,
        initargs=(settings, extracting, os.getpid()),
    )
    try:
        flight: deque[_Entry[T]] = deque()
        for item in items:
            article = job(item)
            outcome: Future[Processed] | Processed | None = None
            if article is not None:
                outcome = (
                    here(article) if _work_here(article, flight, queued) else _submit(pool, article)
                )
            flight.append((item, article, outcome))
            while flight and (len(flight) > window or _ready(flight[0])):
                yield _collect(flight.popleft(), here)
        while flight:
            yield _collect(flight.popleft(), here)
    finally:  # interrupted: drop the articles in flight (the re-run redoes them), do not wait
        pool.shutdown(wait=True, cancel_futures=True)


_Entry = tuple[T, Article | None, "Future[Processed] | Processed | None"]


def _work_here(article: Article, flight: deque[_Entry[T]], queued: int) -> bool:
    """Whether this process should do ``article`` itself rather than queue it: only when the
    pool has ``queued`` articles in flight holding at least as much text as this one. A long
    article done here while the pool's queue is short would leave the pool's cores idle
    (measured: one worker process idle 0.9 s while this one did a 1.2 s article)."""
    pending = [e[1] for e in flight if isinstance(e[2], Future) and not e[2].done()]
    return len(pending) >= queued and sum(len(a.text) for a in pending if a) >= len(article.text)


def _ready(entry: _Entry[T]) -> bool:
    """Its result can be taken without waiting."""
    outcome = entry[2]
    return entry[1] is None or not isinstance(outcome, Future) or outcome.done()


def _submit(pool: ProcessPoolExecutor, article: Article) -> Future[Processed] | None:
    try:
        return pool.submit(_run, article)
    except RuntimeError:  # BrokenProcessPool: the article is done in this process instead
        return None


def _collect(entry: _Entry[T], here: Callable[[Article], Processed]) -> tuple[T, Processed | None]:
    item, article, outcome = entry
    if article is None:
        return item, None
    if outcome is None:  # the pool refused it
        return item, here(article)
    if not isinstance(outcome, Future):  # done here
        return item, outcome
    try:
        return item, outcome.result()
    except Exception:  # a broken pool (a worker died): do this article here instead
        return item, here(article)

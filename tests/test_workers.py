"""`ingest --workers N`: a pool of worker processes gives exactly what one process gives.

The corpus is the seeds with exact and near copies (as in test_order_independence) plus bad
input (a broken JSON line, an empty file, an article too large to clean), ingested with one
worker and with two (the pool forced on for so few articles), in small batches.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from test_order_independence import _write_corpus

from flashpoint import settings as fp_settings
from flashpoint.cli.commands import _progress_bar
from flashpoint.geo import load_gazetteer
from flashpoint.parallel import _start_method
from flashpoint.pipeline import run_ingest
from flashpoint.records import Article, Rejected
from flashpoint.stages import ArticleWork, Processed
from flashpoint.store import Store


def _bad_inputs(root: Path) -> None:
    lines = [
        "this line is not JSON",
        json.dumps({"text": "Troops shelled the town of Kherson on Tuesday, officials said."}),
    ]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (root / "empty.txt").write_text("", "utf-8")
    (root / "huge.txt").write_text("Shelling was reported. " * 2000, "utf-8")


def _run(root: Path, db: Path, workers: int) -> dict[str, Any]:
    settings = fp_settings.load(
        overrides={
            "store.path": str(db),
            "ingest.batch_size": 3,
            "ingest.parallel_from": 1,
            "clean.max_chars": 30000,
        },
        environ={},
    )
    seen: list[str] = []

    def on_item(item: Article | Rejected) -> None:
        seen.append(item.id if isinstance(item, Article) else f"{item.path}:{item.reason}")

    report = run_ingest([str(root)], settings, workers=workers, on_item=on_item)
    with Store(db) as store:
        return {
            "report": {k: v for k, v in report.to_dict().items() if k != "database"},
            "progress": sorted(seen),  # reading runs ahead of processing: same items, interleaved
            "articles": [
                {
                    **r.article.to_dict(),
                    "clean": r.clean.to_dict(),
                    "duplicate": (r.duplicate_of, r.duplicate_kind, r.duplicate_score),
                }
                for r in store.articles()
            ],
            "mentions": [m.to_dict() for m in store.mentions()],
            "events": [e.to_dict() for e in store.events()],
            "rejections": [r.to_dict() for r in store.rejections()],
        }


def test_two_workers_give_what_one_gives(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    _write_corpus(root)
    _bad_inputs(root)
    one = _run(root, tmp_path / "one.db", workers=1)
    two = _run(root, tmp_path / "two.db", workers=2)
    assert one["mentions"] and one["events"]  # extraction ran
    reasons = {r["reason"] for r in one["rejections"]}
    assert {"bad_json", "too_large"} <= reasons, reasons
    for part in ("report", "progress", "articles", "mentions", "events", "rejections"):
        assert two[part] == one[part], part


def test_workers_spawned_from_a_threaded_process_give_the_same(tmp_path: Path) -> None:
    """With another thread running, workers are started fresh (spawn), not forked."""
    root = tmp_path / "corpus"
    root.mkdir()
    _write_corpus(root)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert (
            _start_method(ArticleWork(fp_settings.load(environ={}), True)).get_start_method()
            == "spawn"
        )
        two = _run(root, tmp_path / "two.db", workers=2)
    finally:
        stop.set()
        other.join()
    one = _run(root, tmp_path / "one.db", workers=1)
    for part in ("report", "articles", "mentions", "events"):
        assert two[part] == one[part], part


def test_workers_fork_only_from_a_process_of_one_thread_on_linux(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = ArticleWork(fp_settings.load(environ={}), False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    linux = sys.platform.startswith("linux")
    assert _start_method(work).get_start_method() == ("fork" if linux else "spawn")
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert _start_method(work).get_start_method() == "spawn"


def _in_a_fresh_process(root: Path, db: Path, dies: bool) -> tuple[str, dict[str, Any]]:
    """Ingest with two workers in a new interpreter of one thread, where workers are forked;
    with ``dies``, each worker process exits on its first article."""
    if dies:
        parent, work = os.getpid(), ArticleWork.__call__

        def dies_in_a_worker(self: ArticleWork, article: Article) -> Processed:
            if os.getpid() != parent:
                os._exit(1)
            return work(self, article)

        ArticleWork.__call__ = dies_in_a_worker  # type: ignore[method-assign]
    method = _start_method(ArticleWork(fp_settings.load(environ={}), False)).get_start_method()
    return method, _run(root, db, workers=2)


def _fresh(root: Path, db: Path, dies: bool) -> tuple[str, dict[str, Any]]:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_in_a_fresh_process, root, db, dies).result(timeout=300)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_forked_workers_give_what_one_gives_and_a_worker_that_dies_loses_nothing(
    tmp_path: Path,
) -> None:
    """Forked workers (a fresh process of one thread) give the store one process gives; so
    does a run whose worker processes die (each exits on its first article): the pool breaks
    and their articles are done in the writing process."""
    root = tmp_path / "corpus"
    root.mkdir()
    _write_corpus(root)
    one = _run(root, tmp_path / "one.db", workers=1)
    for name, dies in (("forked", False), ("dying", True)):
        method, two = _fresh(root, tmp_path / f"{name}.db", dies)
        assert method == "fork"
        for part in ("report", "articles", "mentions", "events"):
            assert two[part] == one[part], (name, part)


def test_the_progress_bar_starts_no_thread() -> None:
    before = threading.active_count()
    bar = _progress_bar(True)
    bar.update(1)
    assert threading.active_count() == before
    bar.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_a_forked_worker_opens_its_own_gazetteer_connection() -> None:
    inherited = load_gazetteer().db
    read, write = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        try:
            mine = load_gazetteer()
            mine._cache.clear()  # the lookup reads the file
            write.send((mine.db is not inherited, bool(mine.lookup("Kherson"))))
        finally:
            os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    write.close()
    process.join(60)
    assert read.poll(5), "the forked process sent nothing"
    assert read.recv() == (True, True)
    assert load_gazetteer().db is inherited  # the parent's own is untouched

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
from pathlib import Path
from typing import Any

import pytest
from test_order_independence import _write_corpus

from flashpoint import settings as fp_settings
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


def test_a_worker_that_dies_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process killed mid-run (here: it exits on one article) breaks the pool; its
    articles are done in the writing process and the store is what one process makes."""
    root = tmp_path / "corpus"
    root.mkdir()
    _write_corpus(root)
    one = _run(root, tmp_path / "one.db", workers=1)
    parent, work = os.getpid(), ArticleWork.__call__

    def dies_in_a_worker(self: ArticleWork, article: Article) -> Processed:
        if os.getpid() != parent:
            os._exit(1)
        return work(self, article)

    if not sys.platform.startswith("linux"):
        pytest.skip("the fault is injected into a forked worker")
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork, whatever else runs
    monkeypatch.setattr(ArticleWork, "__call__", dies_in_a_worker)  # a forked worker has it
    two = _run(root, tmp_path / "two.db", workers=2)
    for part in ("report", "articles", "mentions", "events"):
        assert two[part] == one[part], part


def test_a_forked_worker_opens_its_own_gazetteer_connection() -> None:
    inherited = load_gazetteer().db
    read, write = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        mine = load_gazetteer()
        mine._cache.clear()  # the lookup reads the file
        write.send((mine.db is not inherited, bool(mine.lookup("Kherson"))))
        os._exit(0)

    if not sys.platform.startswith("linux"):
        pytest.skip("workers fork only on Linux")
    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(60)
    assert read.recv() == (True, True)
    assert load_gazetteer().db is inherited  # the parent's own is untouched

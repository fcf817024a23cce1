"""`flashpoint batch --engine local` + `flashpoint load` give what `ingest` gives.

The corpus of test_workers (the seeds, exact and near copies, bad input) goes through ingest
in one process, and through batch (a pool of two worker processes, one shard per file) then
load; the stores hold the same articles, mentions, events and rejections. A re-run skips the
finished shards; a shard whose worker raises once is retried, with the same output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_order_independence import _write_corpus
from test_workers import _bad_inputs

from flashpoint import settings as fp_settings
from flashpoint.batch import read_output, run_batch
from flashpoint.batch.output import finished
from flashpoint.pipeline import run_ingest, run_load
from flashpoint.settings import Settings
from flashpoint.store import Store


def _settings(db: Path) -> Settings:
    return fp_settings.load(overrides={"store.path": str(db), "clean.max_chars": 30000}, environ={})


def stored(db: Path) -> dict[str, Any]:
    """Everything stored, as data: articles (without ingest order), mentions, events,
    rejections."""
    with Store(db) as store:
        return {
            "articles": {
                r.article.id: {
                    **r.article.to_dict(),
                    "clean": r.clean.to_dict(),
                    "duplicate": (r.duplicate_of, r.duplicate_kind, r.duplicate_score),
                }
                for r in store.articles()
            },
            "mentions": {m.id: m.to_dict() for m in store.mentions()},
            "events": {e.id: e.to_dict() for e in store.events()},
            "rejections": sorted(
                json.dumps(r.to_dict(), sort_keys=True) for r in store.rejections()
            ),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch") / "corpus"
    root.mkdir()
    _write_corpus(root)
    _bad_inputs(root)
    return root


@pytest.fixture(scope="module")
def ingested(corpus: Path) -> dict[str, Any]:
    db = corpus.parent / "ingest.db"
    run_ingest([str(corpus)], _settings(db), workers=1)
    return stored(db)


def test_batch_local_then_load_equals_ingest(
    corpus: Path, ingested: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = run_batch([str(corpus)], str(out), _settings(tmp_path / "x.db"), workers=2)
    assert report.failed == {} and report.done == report.shards > 0
    assert report.rejected > 0  # the bad JSON line and the article too large are counted
    months = {p.name for p in (out / "items").iterdir()}
    assert "month=2024-06" in months and {p.parent.name for p in out.glob("mentions/*/*")}
    run_load(read_output(out), _settings(tmp_path / "b.db"), source=str(out))
    got = stored(tmp_path / "b.db")
    assert ingested["mentions"] and ingested["events"]
    for part in ("articles", "mentions", "events", "rejections"):
        assert got[part] == ingested[part], part
    # a re-run skips every finished shard; loading again adds nothing
    again = run_batch([str(corpus)], str(out), _settings(tmp_path / "x.db"), workers=2)
    assert again.skipped == report.shards and again.done == 0
    load_again = run_load(read_output(out), _settings(tmp_path / "b.db"), source=str(out))
    assert load_again.new == 0 and stored(tmp_path / "b.db") == got


def test_a_shard_that_raises_once_is_retried(
    corpus: Path, ingested: dict[str, Any], tmp_path: Path
) -> None:
    victim = min(ingested["articles"])  # any article: the fault is on its shard
    out = tmp_path / "out"
    report = run_batch(
        [str(corpus)], str(out), _settings(tmp_path / "x.db"), workers=1, fail_once=victim
    )
    assert (out / "_faults" / victim).exists()  # the fault did fire
    assert report.failed == {} and len(finished(out)) == report.shards
    run_load(read_output(out), _settings(tmp_path / "f.db"), source=str(out))
    assert stored(tmp_path / "f.db") == ingested

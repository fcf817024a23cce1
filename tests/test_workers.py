"""`ingest --workers N`: a pool of worker processes gives exactly what one process gives.

The corpus is the seeds with exact and near copies (as in test_order_independence) plus bad
input (a broken JSON line, an empty file, an article too large to clean), ingested with one
worker and with two (the pool forced on for so few articles), in small batches.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_order_independence import _write_corpus

from flashpoint import settings as fp_settings
from flashpoint.pipeline import run_ingest
from flashpoint.records import Article, Rejected
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

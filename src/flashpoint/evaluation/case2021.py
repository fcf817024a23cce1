"""CASE 2021 Task 2: each snippet coded with its main event type, mapped to the 30 classes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flashpoint.evaluation.common import main_mention, read_jsonl
from flashpoint.evaluation.metrics import classification_report
from flashpoint.ontology import load_ontology

NO_EVENT = "OTHER"


def predict_class(text: str) -> str:
    from flashpoint.extract import extract_text

    main = main_mention(extract_text(text))
    if main is None:
        return NO_EVENT
    return load_ontology()[main.type].case2021 or NO_EVENT


def run(data: str | Path, limit: int | None = None) -> dict[str, Any]:
    rows = list(read_jsonl(data))[:limit]
    gold = [r["label"] for r in rows]
    pred = [predict_class(r["text"]) for r in rows]
    return {"suite": "case2021", "n": len(rows), **classification_report(gold, pred)}

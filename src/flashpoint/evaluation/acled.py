"""ACLED notes: code each row's `notes` alone, with its `event_date` as publication date, and
compare event type, sub-event type, inter codes, fatalities and time precision."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.evaluation.common import main_mention, read_jsonl
from flashpoint.ontology import load_ontology
from flashpoint.records import Mention

PRECISION_CODE = {"day": 1, "week": 2, "month": 3, "year": 3}
FIELDS = ("event_type", "sub_event_type", "inter1", "inter2", "fatalities", "time_precision")


def code_row(mention: Mention | None) -> dict[str, Any]:
    """The ACLED fields flashpoint gives a note (empty when it finds no event)."""
    if mention is None:
        return {
            "event_type": None,
            "sub_event_type": None,
            "inter1": None,
            "inter2": None,
            "fatalities": 0,
            "time_precision": None,
        }
    etype = load_ontology()[mention.type]
    killed = mention.killed.min if mention.killed and mention.killed.min is not None else 0
    return {
        "event_type": etype.acled_event_type or None,
        "sub_event_type": etype.acled_sub_event_type or None,
        "inter1": mention.actor1.inter if mention.actor1 else None,
        "inter2": mention.actor2.inter if mention.actor2 else 0,
        "fatalities": killed,
        "time_precision": PRECISION_CODE.get(mention.date.precision) if mention.date else None,
    }


def _gold(row: dict[str, Any]) -> dict[str, Any]:
    def inter(value: Any) -> int | None:
        return int(value) if value not in (None, "") else 0

    return {
        "event_type": row.get("event_type"),
        "sub_event_type": row.get("sub_event_type"),
        "inter1": inter(row.get("inter1")),
        "inter2": inter(row.get("inter2")),
        "fatalities": int(row.get("fatalities") or 0),
        "time_precision": int(row["time_precision"]) if row.get("time_precision") else None,
    }


def run(data: str | Path, limit: int | None = None) -> dict[str, Any]:
    from flashpoint.extract import extract_text

    rows = list(read_jsonl(data))[:limit]
    hits: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        mentions = extract_text(row.get("notes") or "", published=row.get("event_date"))
        got, gold = code_row(main_mention(mentions)), _gold(row)
        for name in FIELDS:
            hits[name] += got[name] == gold[name]
        confusion[(str(gold["sub_event_type"]), str(got["sub_event_type"]))] += 1
    n = len(rows)
    rates = {f"{name}_match": round(hits[name] / n, 4) if n else 0.0 for name in FIELDS}
    top_errors = [
        {"gold": g, "predicted": p, "count": c} for (g, p), c in confusion.most_common() if g != p
    ][:15]
    return {"suite": "acled", "n": n, **rates, "top_sub_event_errors": top_errors}

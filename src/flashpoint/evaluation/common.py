"""Helpers shared by the evaluation suites."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.records import Mention

FACTUAL = ("happened", "claimed")


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main_mention(mentions: list[Mention]) -> Mention | None:
    """The event a snippet is mainly about: factual first, then ACLED's higher type, then the
    most confident, then the first reported."""
    if not mentions:
        return None
    ontology = load_ontology()

    def key(m: Mention) -> tuple[int, int, float, int]:
        return (m.mode in FACTUAL, ontology[m.type].acled_rank, m.confidence, -m.trigger.start)

    return max(mentions, key=key)

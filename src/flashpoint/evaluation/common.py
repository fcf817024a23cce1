"""Helpers shared by the evaluation suites."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.records import Mention

POSITION_SCALE = 400  # 40 characters later costs as much as 0.1 of cue confidence


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main_mention(mentions: list[Mention]) -> Mention | None:
    """The event a text is mainly about: the surest cue, with a small bonus for coming
    first (news leads with its main event), then ACLED's higher type."""
    if not mentions:
        return None
    ontology = load_ontology()

    def key(m: Mention) -> tuple[float, int]:
        return (m.confidence - m.trigger.start / POSITION_SCALE, ontology[m.type].acled_rank)

    return max(mentions, key=key)

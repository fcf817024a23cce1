"""Story clustering on ECB+ (``shared/eval/ecbplus``): are articles grouped by real-world event?

Protocol: every document of the file is clustered by :func:`flashpoint.merge.stories.
cluster_stories` (no topic labels are used), then compared with ``story_cluster``, the gold
event of each document, by B-cubed precision, recall and F1 (Bagga & Baldwin 1998, averaged over
documents). Each ECB+ topic holds two look-alike events (two shootings, two earthquakes);
``look_alikes_apart`` is the share of topics whose two events share no predicted cluster.
Mention-level cross-document event coreference is not scored here.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def bcubed(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    pair = Counter(zip(gold, predicted, strict=True))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(pair[(g, p)] / pred_size[p] for g, p in zip(gold, predicted, strict=True)) / n
    recall = sum(pair[(g, p)] / gold_size[g] for g, p in zip(gold, predicted, strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def documents_path(data: str) -> Path:
    path = Path(data)
    return path / "documents.jsonl" if path.is_dir() else path


def run(data: str, threshold: float | None = None, limit: int | None = None) -> dict[str, Any]:
    from flashpoint.merge.stories import DEFAULT_THRESHOLD, cluster_stories

    docs = []
    with documents_path(data).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
    docs = docs[:limit] if limit else docs
    gold = [d["story_cluster"] for d in docs]
    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    predicted = cluster_stories([d["text"] for d in docs], cut)
    precision, recall, f1 = bcubed(gold, predicted)
    halves: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for d, p in zip(docs, predicted, strict=True):
        halves[str(d["topic"])][d["story_cluster"]].add(p)
    pairs = [list(h.values()) for h in halves.values() if len(h) == 2]
    apart = sum(1 for a, b in pairs if a.isdisjoint(b))
    return {
        "suite": "ecbplus",
        "data": documents_path(data).name,
        "n": len(docs),
        "gold_clusters": len(set(gold)),
        "predicted_clusters": len(set(predicted)),
        "threshold": cut,
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "look_alikes_apart": round(apart / len(pairs), 4) if pairs else None,
    }

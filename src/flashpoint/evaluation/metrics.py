"""Classification metrics, written out so the numbers are easy to check by hand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for g, p in zip(gold, pred, strict=True):
        table.setdefault(g, Counter())[p] += 1
    return {g: dict(row.most_common()) for g, row in sorted(table.items())}


def per_class_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, float]]:
    labels = sorted(set(gold) | set(pred))
    tp = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    gold_n, pred_n = Counter(gold), Counter(pred)
    out = {}
    for label in labels:
        precision = tp[label] / pred_n[label] if pred_n[label] else 0.0
        recall = tp[label] / gold_n[label] if gold_n[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": float(gold_n[label]),
        }
    return out


def classification_report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """Accuracy, macro F1 and support-weighted F1 over the gold labels."""
    scores = per_class_f1(gold, pred)
    gold_labels = sorted(set(gold))
    n = len(gold)
    weighted = sum(scores[c]["f1"] * scores[c]["support"] for c in gold_labels) / n if n else 0.0
    macro = sum(scores[c]["f1"] for c in gold_labels) / len(gold_labels) if gold_labels else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0
    return {
        "accuracy": round(accuracy, 4),
        "weighted_f1": round(weighted, 4),
        "macro_f1": round(macro, 4),
        "per_class": {c: {k: round(v, 4) for k, v in s.items()} for c, s in scores.items()},
        "confusion": confusion(gold, pred),
    }

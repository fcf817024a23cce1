"""Learn the eventiveness model's weights from the team's own sentences (``make train``).

Each sentence of ``sentences.jsonl`` is extracted as an article would be; every candidate
mention in it takes the sentence's label (the sentences are written so that all their
candidates share it). Features come from ``flashpoint.extract.eventive_model.features``. A
logistic regression with an L2 penalty is fitted by Newton's method (no randomness: the same
data give the same weights to the last digit), and written to
``src/flashpoint/data/eventive_model.json``. A 5-fold cross-validation on the training
sentences is printed for a first check; the real measure is ``flashpoint eval``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

from flashpoint.extract import extract_text
from flashpoint.extract.eventive_model import MODEL_FILE, recording

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "flashpoint" / "data" / MODEL_FILE
PUBLISHED = "2024-06-15"  # a fixed publication day for every training sentence
L2 = float(os.environ.get("EVENTIVE_L2", "5.0"))  # penalty on each weight (not the bias)
# Feature kinds left out of the model (comma-separated prefixes), for trying variants.
EXCLUDE = tuple(p for p in os.environ.get("EVENTIVE_EXCLUDE", "").split(",") if p)
MIN_COUNT = 2  # a feature seen fewer times than this in training is left out
FOLDS = 5


def candidates(rows: list[dict[str, object]]) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, label and sentence index of every candidate in the training sentences."""
    feats: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    for i, row in enumerate(rows):
        with recording() as seen:
            extract_text(str(row["text"]), published=PUBLISHED)
        for key in sorted(seen):
            feats.append(seen[key])
            labels.append(int(row["label"]))  # type: ignore[call-overload]
            groups.append(i)
    return feats, labels, groups


def fit(feats: list[list[str]], labels: list[int]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for fs in feats:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(
        f
        for f, n in counts.items()
        if (n >= MIN_COUNT and not f.startswith(EXCLUDE or ("\0",))) or f == "bias"
    )
    index = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(feats), len(vocab)))
    for i, fs in enumerate(feats):
        for f in fs:
            if f in index:
                x[i, index[f]] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(len(vocab), L2)
    penalty[index["bias"]] = 1e-6
    w = np.zeros(len(vocab))
    for _ in range(50):  # Newton steps; the penalised loss is strictly convex
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {f: round(float(v), 6) for f, v in zip(vocab, w, strict=True) if round(float(v), 6)}


def score(weights: dict[str, float], fs: list[str]) -> float:
    s = sum(weights.get(f, 0.0) for f in fs)
    return float(1 / (1 + np.exp(-s)))


def cross_validate(feats: list[list[str]], labels: list[int], groups: list[int]) -> None:
    """Folds by sentence (a sentence's candidates never straddle train and test)."""
    tp = fp = fn = tn = 0
    for k in range(FOLDS):
        test = [g % FOLDS == k for g in groups]
        w = fit(
            [f for f, t in zip(feats, test, strict=True) if not t],
            [y for y, t in zip(labels, test, strict=True) if not t],
        )
        for fs, y, t in zip(feats, labels, test, strict=True):
            if t:
                pred = score(w, fs) >= 0.5
                tp += pred and y == 1
                fp += pred and y == 0
                fn += (not pred) and y == 1
                tn += (not pred) and y == 0
    print(
        f"cross-validation on the training sentences: tp={tp} fp={fp} fn={fn} tn={tn} "
        f"precision={tp / max(1, tp + fp):.3f} recall={tp / max(1, tp + fn):.3f}"
    )


def main() -> None:
    lines = (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    feats, labels, groups = candidates(rows)
    print(f"{len(rows)} sentences, {len(feats)} candidates ({sum(labels)} eventive)")
    if "--cv" in sys.argv:
        cross_validate(feats, labels, groups)
    weights = fit(feats, labels)
    data = hashlib.sha256((HERE / "sentences.jsonl").read_bytes()).hexdigest()
    model = {
        "about": "flashpoint eventiveness model: logistic regression weights, learnt by "
        "`make train` (train/eventive/train.py) from train/eventive/sentences.jsonl",
        "training_data_sha256": data,
        "l2": L2,
        "min_count": MIN_COUNT,
        "candidates": len(feats),
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {OUT}")


if __name__ == "__main__":
    main()

"""Dev check (not part of training): the `sentences` and `ipe` suites at several thresholds.

Extraction runs once per article with the model recording features instead of dropping
(cached in /tmp), then each threshold is applied to the cached candidates and the suites'
own scoring runs on the result. Usage:
    python train/eventive/sweep.py ../shared/eval 0 0.2 0.3 0.4 0.5 [--ipe-limit N]
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from flashpoint.evaluation import ipe, sentences
from flashpoint.extract.eventive_model import load_weights, recording

CACHE = Path("/tmp/flashpoint_eventive_sweep.pkl")
_orig = ipe.predict_document
_cache: dict[tuple[str, str | None], list[tuple[int, Any, list[str] | None]]] = {}
_threshold = 0.0
RESCUE = float(os.environ.get("RESCUE", "0"))  # dev only: undo a soft rule drop at p >= this
SOFT = set(os.environ.get("SOFT", "generic,statistic,not_an_act,not_political").split(","))


def _p(fs: list[str]) -> float:
    import math

    w = load_weights()
    return 1 / (1 + math.exp(-sum(w.get(f, 0.0) for f in fs)))


def predict(text: str, published: str | None, *, keep_dropped: bool = False) -> Any:
    key = (text, published)
    if key not in _cache:
        with recording() as seen:
            found = _orig(text, published, keep_dropped=True)
        _cache[key] = [(at, m, seen.get(m.id)) for at, m in found]
    out = []
    for at, m, fs in _cache[key]:
        if fs is not None and _threshold > 0:
            p = _p(fs)
            if not m.dropped and p < _threshold:
                m = replace(m, dropped="classifier")
            elif RESCUE and m.dropped and p >= RESCUE and m.dropped.split(":")[0] in SOFT:
                m = replace(m, dropped="")
        if keep_dropped or not m.dropped:
            out.append((at, m))
    return out


def main() -> None:
    global _threshold
    data = Path(sys.argv[1])
    args = sys.argv[2:]
    limit = None
    if "--ipe-limit" in args:
        limit = int(args[args.index("--ipe-limit") + 1])
        args = args[: args.index("--ipe-limit")]
    if CACHE.exists():
        _cache.update(pickle.loads(CACHE.read_bytes()))
    ipe.predict_document = predict  # type: ignore[assignment]
    sentences.predict_document = predict  # type: ignore[assignment]
    for t in [float(a) for a in args]:
        _threshold = t
        s = sentences.run(data)
        i = ipe.run(data / "india_police_events", limit=limit)
        keep = {k: s[k] for k in ("precision", "recall", "f1", "precision_at_confidence_0_8")}
        keep.update({k: v for k, v in i.items() if k.startswith("sentence_") and "f1" in k})
        print(json.dumps({"threshold": t, **keep}), flush=True)
        CACHE.write_bytes(pickle.dumps(_cache))


if __name__ == "__main__":
    main()

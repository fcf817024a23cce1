"""The team's own gold: does a sentence report a specific real event, and which one?

``evals/sentences/gold.jsonl`` names 660 sentences of the dev Timeline17 conflict topics and
Reuters-21578 by article id and offsets (see ``evals/sentences/GUIDELINES.md``). Each article
is cleaned and extracted as ingest does; a sentence is predicted eventive when a kept mention
whose trigger lies inside it happened, was claimed or is recalled history. Type, actor1 and
mode are scored on the sentences where both sides found an event.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from flashpoint.evaluation.common import main_mention, read_jsonl
from flashpoint.evaluation.ipe import predict_document
from flashpoint.evaluation.sentence_sample import corpus_articles
from flashpoint.records import Mention
from flashpoint.settings import load as load_settings

GOLD = Path(__file__).resolve().parents[3] / "evals" / "sentences" / "gold.jsonl"
EVENTIVE_MODES = frozenset({"happened", "claimed", "historical"})
SURE = 0.8  # calibration: at this confidence or above, at least 80% must be real


def _reuters_dates(eval_dir: Path) -> dict[str, str]:
    out = {}
    with open(eval_dir / "reuters21578" / "reuters21578.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            try:
                day = datetime.strptime(r["date"].split()[0], "%d-%b-%Y").date().isoformat()
            except (ValueError, IndexError):
                continue
            out[f"reuters/{r['newid']}"] = day
    return out


def _articles(eval_dir: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    dates = _reuters_dates(eval_dir)
    out = {}
    for corpus in ("timeline17", "reuters21578"):
        for art in corpus_articles(eval_dir, corpus):
            if art["id"] in wanted:
                out[art["id"]] = {**art, "published": art["published"] or dates.get(art["id"])}
    return out


def run(data: str | Path, limit: int | None = None, gold: str | Path = GOLD) -> dict[str, Any]:
    """``data``: the shared ``eval`` folder (holding timeline17/ and reuters21578/)."""
    rows = list(read_jsonl(gold))[:limit]
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_article[r["article"]].append(r)
    articles = _articles(Path(data), set(by_article))
    threshold = load_settings(environ={}).float("events.min_confidence")
    tp = fp = fn = 0
    type_ok = actor_ok = mode_ok = mode_n = 0
    sure = [0, 0]  # sentences whose surest kept mention is at 0.8 or above: real, all
    for art_id, golds in sorted(by_article.items()):
        art = articles[art_id]
        found = predict_document(art["text"], art["published"], keep_dropped=True)
        for g in golds:
            inside = [m for at, m in found if g["start"] <= at < g["end"]]
            kept = [
                m
                for m in inside
                if not m.dropped and m.mode in EVENTIVE_MODES and m.confidence >= threshold
            ]
            predicted = bool(kept)
            if kept and max(m.confidence for m in kept) >= SURE:
                sure[0] += g["eventive"]
                sure[1] += 1
            tp += predicted and g["eventive"]
            fp += predicted and not g["eventive"]
            fn += g["eventive"] and not predicted
            if predicted and g["eventive"]:
                main = main_mention(kept)
                assert main is not None
                type_ok += main.type in g["types"]
                actor_ok += _same_actor(main, g["actor1"], art["text"])
            candidate = main_mention(inside)
            if g["mode"] and candidate is not None:
                mode_n += 1
                mode_ok += _mode_of(candidate) == g["mode"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    both = precision + recall
    return {
        "suite": "sentences",
        "sentences": len(rows),
        "gold_eventive": tp + fn,
        "predicted_eventive": tp + fp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / both, 4) if both else 0.0,
        "type_accuracy": round(type_ok / tp, 4) if tp else 0.0,
        "actor1_accuracy": round(actor_ok / tp, 4) if tp else 0.0,
        "mode_accuracy": round(mode_ok / mode_n, 4) if mode_n else 0.0,
        "min_confidence": threshold,
        "sure_sentences": sure[1],
        "precision_at_confidence_0_8": round(sure[0] / sure[1], 4) if sure[1] else 0.0,
    }


def _mode_of(m: Mention) -> str:
    if m.dropped.startswith(("generic", "statistic")):
        return m.dropped.split(":", 1)[0]
    return "happened" if m.mode == "historical" else m.mode


def _same_actor(m: Mention, gold: list[int] | None, text: str) -> bool:
    """Both name no actor, or the predicted actor1's words overlap the gold phrase. An actor
    without words (inferred from the event type: the protesters of a protest) names none; one
    whose words are there and only its country was guessed ("protesters" -> "Protesters
    (Egypt)") does."""
    if m.actor1 is None or not m.actor1.text.strip():
        return gold is None
    if gold is None:
        return False
    words = m.actor1.text.lower()
    return bool(words) and (
        words in text[gold[0] : gold[1]].lower() or text[gold[0] : gold[1]].lower() in words
    )

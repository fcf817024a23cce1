"""IndiaPoliceEvents: did the police kill, arrest, use force, do anything, fail to act?

Every sentence of every article is labelled by trained annotators, so recall is unbiased.
flashpoint answers the five questions from its mentions through ``evals/ipe_questions.tsv``
(types, actor roles and modes -> question); a mention answers for the gold sentence that holds
its trigger. Scored as in the paper: a document is positive when any of its sentences is;
sentence scores count sentences of more than 5 tokens.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.clean import clean_text
from flashpoint.datafiles import read_table
from flashpoint.evaluation.common import read_jsonl
from flashpoint.extract import extract_mentions, parse_candidates
from flashpoint.ontology import load_ontology
from flashpoint.records import Mention

QUESTIONS = ("KILL", "ARREST", "FORCE", "ANY_ACTION", "FAIL")
MAPPING = Path(__file__).resolve().parents[3] / "evals" / "ipe_questions.tsv"
MIN_TOKENS = 6  # "more than 5 tokens"


@dataclass(frozen=True)
class Rule:
    question: str
    types: frozenset[str]  # type ids, "family:NAME", or "*"
    roles: frozenset[str]  # actor1 roles, "none" for no actor1, or "*"
    modes: frozenset[str]
    needs: str  # "" or "killed": a count that must be present
    accepts: frozenset[str]  # drop codes that still answer (a running total of arrests)
    claimants: frozenset[str] = frozenset({"*"})  # roles of who reports it, "*" = anyone

    def answers(self, m: Mention) -> bool:
        if m.dropped and m.dropped.split(":", 1)[0] not in self.accepts:
            return False
        family = f"family:{load_ontology()[m.type].family}"
        if "*" not in self.types and m.type not in self.types and family not in self.types:
            return False
        role = m.actor1.role if m.actor1 is not None else "none"
        if "*" not in self.roles and role not in self.roles:
            return False
        if m.mode not in self.modes:
            return False
        said_by = m.claimant.role if m.claimant is not None else "none"
        if "*" not in self.claimants and said_by not in self.claimants:
            return False
        return not (self.needs == "killed" and m.killed is None)


def load_rules(path: Path = MAPPING) -> list[Rule]:
    def words(cell: str) -> frozenset[str]:
        return frozenset(w.strip() for w in cell.split("|") if w.strip())

    return [
        Rule(
            r["question"],
            words(r["types"]),
            words(r["actor1_roles"]),
            words(r["modes"]),
            r["needs"].strip(),
            words(r["accepts"]),
            words(r["claimant_roles"]),
        )
        for r in read_table(path)
    ]


def answers(mention: Mention, rules: list[Rule]) -> set[str]:
    return {r.question for r in rules if r.answers(mention)}


def _sentence_spans(text: str, sents: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for s in sents:
        at = text.find(s["sent_text"], cursor)
        if at < 0:
            at = cursor
        spans.append((at, at + len(s["sent_text"])))
        cursor = at + len(s["sent_text"])
    return spans


def predict_document(
    text: str, published: str | None, *, keep_dropped: bool = False
) -> list[tuple[int, Mention]]:
    """Each event mention of an article with the raw offset of its trigger (candidates that
    are not events too, when ``keep_dropped``)."""
    clean = clean_text(text)
    doc = parse_candidates(clean.text)
    if doc is None:
        return []
    found = extract_mentions(clean, published=published, doc=doc)
    return [(clean.raw_offset(m.trigger.start), m) for m in found if keep_dropped or not m.dropped]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def run(data: str | Path, limit: int | None = None) -> dict[str, Any]:
    folder = Path(data)
    docs = list(read_jsonl(folder / "docs.jsonl"))[:limit]
    sents: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for s in read_jsonl(folder / "sents.jsonl"):
        sents[s["doc_id"]].append(s)
    rules = load_rules()
    counts = {level: {q: [0, 0, 0] for q in QUESTIONS} for level in ("sentence", "doc")}
    for doc in docs:
        ss = sorted(sents[doc["doc_id"]], key=lambda s: s["sent_id"])
        spans = _sentence_spans(doc["text"], ss)
        predicted: list[set[str]] = [set() for _ in ss]
        for at, mention in predict_document(doc["text"], doc.get("date"), keep_dropped=True):
            for i, (first, last) in enumerate(spans):
                if first <= at < last:
                    predicted[i] |= answers(mention, rules)
                    break
        doc_gold = set(doc.get("labels") or ())
        doc_pred: set[str] = set().union(*predicted) if predicted else set()
        for q in QUESTIONS:
            _tally(counts["doc"][q], q in doc_gold, q in doc_pred)
            for s, pred in zip(ss, predicted, strict=True):
                if len(s["sent_text"].split()) >= MIN_TOKENS:
                    _tally(counts["sentence"][q], q in s["sent_labels"], q in pred)
    out: dict[str, Any] = {"suite": "ipe", "documents": len(docs)}
    for level, table in counts.items():
        for q, (tp, fp, fn) in table.items():
            for metric, value in _prf(tp, fp, fn).items():
                out[f"{level}_{q.lower()}_{metric}"] = value
    return out


def _tally(cell: list[int], gold: bool, pred: bool) -> None:
    if gold and pred:
        cell[0] += 1
    elif pred:
        cell[1] += 1
    elif gold:
        cell[2] += 1

"""A small trained check on each candidate: does its sentence report a specific, real event?

A logistic regression over explicit features of the candidate, read from the spaCy parse and
from the rules' own findings: the realis verdict and its code, the mode, the tense and
modality of the governing verb, negation, how the trigger noun is determined (article,
number, possessor, bare plural), the verbs and nouns that govern it, whether the sentence is
a question, an imperative or speaks to the reader, and its dates and numbers. The weights
(``data/eventive_model.json``) are learnt by ``make train`` from sentences the team wrote
itself (``train/eventive/``), never from evaluation data.

:func:`probability` gives P(eventive). ``extract/events.py`` drops a candidate the rules kept
when it falls below ``extract.eventive_threshold``, with the reason ``classifier: p=0.12``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from flashpoint.extract.clauses import clause_verb, proposition, tense
from flashpoint.settings import load as load_settings

MODEL_FILE = "eventive_model.json"
READER_WORDS = frozenset("we you your our us i me my".split())

_recorded: dict[str, list[str]] | None = None


@dataclass(frozen=True)
class Candidate:
    """What the rules already know about a candidate mention."""

    trigger: Any  # the spaCy token heading the trigger
    sentence: str
    event_type_family: str
    mode: str
    rule_verdict: str  # "" or "code: words" from realis.judge and events.py
    dated: bool
    date_how: str
    actor_rule: str  # "parse", an inference rule, or "" when no actor1
    cue_weight: float


def features(c: Candidate) -> list[str]:
    tok = c.trigger
    doc = tok.doc
    chain = proposition(tok)
    verb = clause_verb(tok, chain)
    out = [
        "bias",
        f"rule={c.rule_verdict.split(':')[0] or 'kept'}",
        f"mode={c.mode}",
        f"family={c.event_type_family}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lemma={tok.lemma_.lower()}",
        f"tense={tense(verb) if verb is not None else 'none'}",
        f"dated={c.dated}",
        f"actor={c.actor_rule or 'none'}",
        f"cue={min(4, int(c.cue_weight * 5))}",
    ]
    if verb is not None:
        out.append(f"verb={verb.lemma_.lower()}")
        out += [f"verb_aux={a.lower_}" for a in verb.children if a.dep_ in ("aux", "auxpass")]
        if any(a.dep_ == "auxpass" for a in verb.children):
            out.append("passive")
    out += [f"gov={t.lemma_.lower()}/{edge}" for t, edge in chain[:3]]
    for child in tok.children:
        if child.dep_ in ("det", "poss", "nummod", "predet", "amod", "neg", "compound"):
            word = child.lower_ if child.dep_ in ("det", "predet", "neg") else child.pos_
            out.append(f"child={child.dep_}:{word}")
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
        bare = not any(ch.dep_ in ("det", "poss", "nummod") for ch in tok.children)
        out.append(f"plural_bare={bare}")
    out += _sentence_features(doc, c.sentence)
    return out


def _sentence_features(doc: Any, sentence: str) -> list[str]:
    """Only what marks the sentence as a whole: a question, an imperative or a line that
    speaks to the reader (comments, page furniture), a headline, and numbers."""
    words = [t for t in doc if not t.is_space]
    out = []
    end = sentence.rstrip(" \"'”’)")
    if end.endswith("?"):
        out.append("question")
    elif not end.endswith((".", "!")):
        out.append("unfinished")
    if any(t.lower_ in READER_WORDS for t in words):
        out.append("speaks_to_reader")
    if words and words[0].tag_ == "VB":
        out.append("imperative")
    if any(t.like_num for t in words):
        out.append("has_number")
    return out


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    text = resources.files("flashpoint").joinpath(f"data/{MODEL_FILE}").read_text(encoding="utf-8")
    weights: dict[str, float] = json.loads(text)["weights"]
    return weights


@lru_cache(maxsize=1)
def threshold() -> float:
    """``extract.eventive_threshold``: below it a candidate the rules kept is dropped."""
    return load_settings().float("extract.eventive_threshold")


def active() -> bool:
    """The model is consulted: a threshold is set, or features are being recorded."""
    return _recorded is not None or threshold() > 0


def probability(c: Candidate, key: str = "") -> float:
    """P(eventive) for the candidate. While :func:`recording`, its features are kept under
    ``key`` and 1.0 is returned, so training never depends on the weights it replaces."""
    feats = features(c)
    if _recorded is not None:
        _recorded[key] = feats
        return 1.0
    weights = load_weights()
    score = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@contextmanager
def recording() -> Iterator[dict[str, list[str]]]:
    """Collect the features of every candidate scored inside the block, by mention id (for
    training and measuring); the model drops nothing meanwhile."""
    global _recorded
    _recorded = {}
    try:
        yield _recorded
    finally:
        _recorded = None

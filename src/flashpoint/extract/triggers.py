"""Event triggers: cue lemmas from ``data/event_cues.tsv`` matched in parsed sentences.

Before any parsing, :func:`may_hold_event` checks a sentence's words against every inflected
form of every cue's first word, so sentences that cannot hold an event skip the model.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from flashpoint.ontology import load_cues, load_ontology

_WORD = re.compile(r"[a-z][a-z'-]*")


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int  # token index in the sentence doc
    end: int
    weight: float
    cue: str


@dataclass(frozen=True)
class TypeRule:
    action: str
    type: str
    when: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    then_type: str


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    text = resources.files("flashpoint").joinpath("data/irregular_forms.tsv").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, *forms = line.split("\t")
            out[lemma] = tuple(f.strip() for f in forms if f.strip())
    return out


def inflections(word: str) -> set[str]:
    """Regular English inflections of a lemma, plus the irregular ones from data."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms | set(irregular_forms().get(word, ()))


@lru_cache(maxsize=1)
def first_word_forms() -> frozenset[str]:
    forms: set[str] = set()
    for cue in load_cues():
        forms |= inflections(cue.cue.split()[0])
    return frozenset(forms)


def may_hold_event(sentence: str) -> bool:
    """Cheap pre-filter: does any word look like the start of a cue?"""
    forms = first_word_forms()
    return any(w in forms for w in _WORD.findall(sentence.lower()))


@lru_cache(maxsize=1)
def _matcher(vocab_id: int, vocab: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for index, cue in enumerate(load_cues()):
        words = cue.cue.split()
        pattern: list[dict[str, Any]] = []
        for i, word in enumerate(words):
            if i:
                pattern.append({"IS_PUNCT": False, "OP": "?"})  # "fired two warning shots"
            token: dict[str, Any] = {"LEMMA": {"IN": [word, word.capitalize()]}}
            if i == len(words) - 1 and cue.pos in ("VERB", "NOUN"):
                token["POS"] = {"IN": [cue.pos, "PROPN"] if cue.pos == "NOUN" else [cue.pos]}
            pattern.append(token)
        matcher.add(str(index), [pattern, [{"LOWER": w} for w in words]])
    return matcher


def find_triggers(doc: Any) -> list[Trigger]:
    """Non-overlapping cue matches in a parsed sentence: longest, then strongest, wins."""
    cues = load_cues()
    found = []
    for match_id, start, end in _matcher(id(doc.vocab), doc.vocab)(doc):
        cue = cues[int(doc.vocab.strings[match_id])]
        found.append(Trigger(cue.type, start, end, cue.weight, cue.cue))
    found.sort(key=lambda t: (-(t.end - t.start), -t.weight, t.start))
    taken: set[int] = set()
    kept = []
    for trig in found:
        if taken.isdisjoint(range(trig.start, trig.end)):
            kept.append(trig)
            taken.update(range(trig.start, trig.end))
    return sorted(kept, key=lambda t: t.start)


@lru_cache(maxsize=1)
def load_type_rules() -> tuple[TypeRule, ...]:
    text = resources.files("flashpoint").joinpath("data/type_rules.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rules = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        when, unless = row["when"].strip(), row["unless"].strip()
        rules.append(
            TypeRule(
                row["action"].strip(),
                row["type"].strip(),
                re.compile(when) if when else None,
                re.compile(unless) if unless else None,
                row["then_type"].strip(),
            )
        )
    return tuple(rules)


def apply_type_rules(event_type: str, sentence: str) -> str | None:
    """The type after the rules of ``data/type_rules.tsv``; ``None`` when a rule drops it."""
    lowered = sentence.lower()
    for rule in load_type_rules():
        if rule.type not in ("*", event_type):
            continue
        if rule.when is not None and not rule.when.search(lowered):
            continue
        if rule.unless is not None and rule.unless.search(lowered):
            continue
        if rule.action == "drop":
            return None
        event_type = rule.then_type
    return event_type if event_type in load_ontology() else None

"""The clause around a cue word: its governors inside one proposition, its verb and the
verb's tense; and the eventiveness cue table (``data/realis_cues.tsv``) that the realis,
genericity and role readers share."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.datafiles import read_tsv
from flashpoint.extract.clause_parts import purpose_clause, takes_to

# Edges that lead out of the trigger's own proposition: above them is another event.
CLAUSE_BREAKS = frozenset({"relcl", "advcl", "conj", "parataxis", "appos", "acl:relcl"})


SUBJECT_EDGES = frozenset({"nsubj", "csubj", "agent"})  # a passive subject is a complement


MODALS = frozenset("will shall would could may might can should must ought".split())


@dataclass(frozen=True)
class Cues:
    by_kind: dict[str, frozenset[str]]
    statistic: re.Pattern[str]

    def has(self, kind: str, word: str) -> bool:
        return word in self.by_kind.get(kind, frozenset())


YEAR = r"(?:1[89]|20)\d\d"  # '<year>' in a statistic phrase: any year


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("realis_cues.tsv"):
        kinds[row["kind"].strip()].add(row["words"].strip().lower())
    phrases = sorted(kinds.get("statistic_phrase", set()), key=len, reverse=True)
    alternatives = (re.escape(p).replace("<year>", YEAR) for p in phrases)
    pattern = re.compile(r"\b(" + "|".join(alternatives) + r")\b")
    return Cues({k: frozenset(v) for k, v in kinds.items()}, pattern)


def proposition(trigger: Any) -> list[tuple[Any, str]]:
    """The trigger's governors inside its own proposition, nearest first, each with the edge
    by which it was reached (the dependency label of the token below it)."""
    out = []
    token = trigger
    for _ in range(5):
        if token.head.i == token.i or (
            token.dep_ in CLAUSE_BREAKS
            and not _shares_head(token)
            and not _for_to(token)
            and not purpose_clause(
                token
            )  # said with its head, so what rules it out rules out its aim
        ):
            break
        out.append((token.head, token.dep_))
        token = token.head
    return out


def _for_to(clause: Any) -> bool:
    """A for-to infinitive is its head's complement, not an adverbial clause ("called for
    the four to be released"), though the parser may attach it as one."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
    return clause.dep_ == "advcl" and {"for", "to"} <= marks


def _under_one_to(verb: Any) -> bool:
    """A bare infinitive coordinated under its head's 'to' ("refused to admit or deny"):
    no subject or auxiliary of its own."""
    return verb.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
    )


def _shares_head(token: Any) -> bool:
    """A noun coordinated with or in apposition to another noun fills the same place in the
    same proposition ("calls for protests and strikes", "needed: steps, a dialogue"), and so
    does a to-infinitive coordinated with another ("unlikely to be confined ... or to involve
    an invasion", "refused to admit or deny"); other coordinated or apposed clauses report
    other acts."""
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        to_both = takes_to(token.head) and (takes_to(token) or _under_one_to(token))
        return to_both or shares_verb_group(token)
    return (
        token.dep_ in ("conj", "appos")
        and token.pos_ in ("NOUN", "PROPN")
        and token.head.pos_ in ("NOUN", "PROPN")
    )


CONTRASTING_CC = frozenset({"but", "yet"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def shares_verb_group(verb: Any) -> bool:
    """A verb coordinated with another, with no subject and no tense of its own, shares that
    verb's group: in "could end up in jail or be executed" the modal, in "no matter how many
    are kidnapped and tortured" or "were not charged or tried" the governor or the negation
    scope over both. A conjunct with its own subject or tense ("attacked the town and killed
    ten") is a clause of its own, and so is a contrast ("were not charged but released")."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or verb.tag_ in FINITE_TAGS:
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (
            child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS
        ):
            return False
    return not _contrasted(verb)


def clause_verb(trigger: Any, chain: list[tuple[Any, str]]) -> Any | None:
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    return next((tok for tok, _ in chain if tok.pos_ in ("VERB", "AUX")), None)


def act_heads(trigger: Any, verb: Any | None) -> list[Any]:
    """The trigger and its clause's verb when that is another word: where the act's adjuncts
    ("for decades", "all his life", "during the war") hang."""
    return [trigger] if verb is None or verb.i == trigger.i else [trigger, verb]


def tense(verb: Any) -> str:
    """past | perfect | present | progressive | modal | nonfinite, read from the verb group."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODALS or a.lemma_ in MODALS for a in auxes):
        return "modal"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "perfect"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "progressive"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "nonfinite"


_DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def continues(noun: Any) -> bool:
    """The trigger is the subject of a verb of continuing ("the clashes continued into
    Wednesday", "fighting raged on"): an act already going on."""
    verb = noun.head
    return noun.dep_ == "nsubj" and load_cues().has("continuation_verb", verb.lemma_.lower())


def definite(noun: Any) -> bool:
    """A noun (or a gerund used as one: "the police firing") with a definite determiner or a
    possessor, on it or on the compound in front: it presupposes its event."""
    gerund = noun.tag_ == "VBG" and noun.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
    if noun.pos_ != "NOUN" and not gerund:
        return False
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS) or c.dep_ == "poss"
        for w in words
        for c in w.children
    )


def uncertain_content(verb: Any, cues: Cues) -> Any | None:
    """The noun or verb of uncertainty whose that-clause holds ``verb``, a verb coordinated
    there with no subject of its own ("speculation that the army is backing the general and has
    taken control": 'taken' is in the clause of 'speculation' too), or None. Other
    conjuncts reach their governor through the parse's chain."""
    if verb is None or verb.dep_ != "conj":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ not in ("acl", "ccomp") or _contrasted(verb):
        return None  # "eased fears that ... but insisted": a contrast is no part of the fear
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in first.children):
        return None
    governor, lemma = first.head, first.head.lemma_.lower()
    if governor.pos_ == "NOUN" and cues.has("irrealis_noun", lemma):
        return governor
    if governor.pos_ in ("VERB", "ADJ") and cues.has("irrealis_governor", lemma):
        return governor
    return None


def _contrasted(verb: Any) -> bool:
    head = verb.head
    between = (c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i)
    return any(c.lower_ in CONTRASTING_CC for c in between)


def shares_subject(verb: Any) -> bool:
    """A verb coordinated with another verb, with no subject of its own: one predicate of the
    same clause, so under the same condition."""
    return bool(
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in SUBJECT_EDGES or c.dep_ == "nsubjpass" for c in verb.children)
    )


def participle_of(trigger: Any) -> bool:
    """A participle clause with no subject of its own takes its head's modality."""
    return bool(
        trigger.dep_ in ("advcl", "xcomp")
        and trigger.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in SUBJECT_EDGES for c in trigger.children)
        and trigger.head.pos_ in ("VERB", "AUX")
    )

"""Counts of people in one sentence: participants, injured, killed, arrested (ACLED rules).

A count phrase (``counts.parse_count``) is classified by the words around it, all from
``data/quantity_cues.tsv``: a noun right after it ("troops", "accidents"), a casualty word
("dead", "were wounded", "sustained injuries") after the noun, or a verb right before it
("killing two"). Spans are character offsets of the count phrase in the sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from flashpoint.extract.counts import NONE_RULE, Count, _rows, lexicon, parse_count
from flashpoint.records import Quantity

__all__ = ["find_quantities", "parse_count"]

CASUALTIES = "casualties"  # a cue kind: injured, and perhaps killed too
_OF = re.compile(r"\s+of(?:\s+(?:the|these|those|its|their))?\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_JOIN = re.compile(r"\s+(?:or|and|nor)\s+", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_WINDOW = 80  # characters looked at before a count


def _ws(text: str, pos: int) -> int:
    """The first non-space position at or after ``pos``."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _cue_regex(cues: Iterable[str]) -> str:
    """Cue phrases as one alternation: "word*" any ending, "~" one optional word, lowercase
    cues in any case, capitalised ones only capitalised."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        words = []
        for w in cue.split():
            if w == "~":
                words.append(r"(?:[\w'’-]+\s+)?")
            else:
                words.append(
                    re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") + r"\s+"
                )
        body = "".join(words).removesuffix(r"\s+")
        parts.append(body if cue[:1].isupper() else f"(?i:{body})")
    return "|".join(parts)


@dataclass(frozen=True)
class Cues:
    after: dict[str, re.Pattern[str]]  # slot -> kind -> pattern, matched at a position
    person: re.Pattern[str]
    thing: re.Pattern[str]
    filler: re.Pattern[str]
    stop: re.Pattern[str]
    before: dict[str, re.Pattern[str]]  # searched at the end of the text before a count
    noise_before: re.Pattern[str]
    noise_after: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows("quantity_cues.tsv"):
        for slot in row["slot"].split(","):
            table[slot][row["kind"]].append(row["cue"])

    def at(slot: str) -> re.Pattern[str]:
        cs = [c for kind in table[slot].values() for c in kind]
        return re.compile(rf"(?:{_cue_regex(cs)})(?![\w'’-])")

    return Cues(
        after={k: re.compile(rf"(?:{_cue_regex(v)})(?!\w)") for k, v in table["after"].items()},
        person=at("person"),
        thing=at("thing"),
        filler=at("filler"),
        stop=at("stop"),
        before={
            k: re.compile(rf"(?<![\w'’-])(?:{_cue_regex(v)})\s+\Z")
            for k, v in table["before"].items()
        },
        noise_before=re.compile(rf"(?<![\w'’-])(?:{_cue_regex(table['noise-before']['-'])})\s*\Z"),
        noise_after=re.compile(rf"\s*(?:{_cue_regex(table['noise-after']['-'])})(?![\w'’])"),
    )


@dataclass(frozen=True)
class Reading:
    """What the words after a count say: the noun (if any) and the kinds cued."""

    kinds: tuple[str, ...]
    noun: str  # person | thing | ""
    end: int  # end of the noun or casualty word, or of the count when neither


def _after_cue(c: Cues, text: str, pos: int) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for kind, pattern in c.after.items():
        m = pattern.match(text, pos)
        if m and (best is None or m.end() > best[1]):
            best = (kind, m.end())
    return best


def _noun_at(c: Cues, text: str, pos: int) -> tuple[str, int] | None:
    hits = [
        (n, m.end())
        for n, p in (("person", c.person), ("thing", c.thing))
        if (m := p.match(text, pos))
    ]
    return max(hits, key=lambda h: h[1]) if hits else None


def _noun(c: Cues, text: str, pos: int) -> Reading | None:
    """The noun or casualty word within a few words after a count ("of" may come first)."""
    of = _OF.match(text, pos)
    pos = of.end() if of else pos
    for _ in range(5):
        p = _ws(text, pos)
        if p == pos:
            return None  # punctuation or the end: no noun
        hit = _after_cue(c, text, p)
        if hit:
            return Reading((hit[0],), "", hit[1])
        noun = _noun_at(c, text, p)
        while noun and noun[0] == "thing":  # compounds: "landmine accidents"
            gap = _ws(text, noun[1])
            nxt = _noun_at(c, text, gap) if gap > noun[1] else None
            if not nxt:
                break
            noun = nxt
        if noun:
            return Reading((), noun[0], noun[1])
        word = _WORD.match(text, p)
        if not word or c.stop.fullmatch(word.group().lower()):
            return None
        pos = word.end()
    return None


def _after(c: Cues, text: str, pos: int, chain: bool) -> tuple[str, ...]:
    """Casualty words after a noun, over fillers ("were reportedly killed")."""
    kinds: list[str] = []
    for _ in range(6):
        p = _ws(text, pos)
        hit = _after_cue(c, text, p)
        if hit:
            kinds.append(hit[0])
            join = _JOIN.match(text, hit[1]) if chain else None
            if not join:
                break
            pos = join.end()
            continue
        filler = c.filler.match(text, p)
        if not filler:
            break
        pos = filler.end()
    return tuple(kinds)


def _before(c: Cues, text: str, start: int) -> str | None:
    left = text[max(0, start - _WINDOW) : start]
    return next((k for k, p in c.before.items() if p.search(left)), None)


def _noise(c: Cues, text: str, start: int, end: int) -> bool:
    left = text[max(0, start - _WINDOW) : start]
    return bool(c.noise_before.search(left) or c.noise_after.match(text, end))


def _kinds(c: Cues, text: str, span: tuple[int, int], zero: bool) -> Reading | None:
    start, end = span
    noun = _noun(c, text, end)
    if noun and noun.kinds:
        return noun
    if noun and noun.noun == "thing":
        return None if zero else Reading(("other",), "thing", noun.end)
    after = _after(c, text, noun.end if noun else end, chain=zero)
    before = None if zero else _before(c, text, start)
    kinds = (before,) if before else after
    if not kinds and noun and not zero:
        kinds = ("participants",)
    return Reading(kinds, noun.noun if noun else "", noun.end if noun else end) if kinds else None


def _quantities(
    kinds: tuple[str, ...], count: Count, text: str, span: tuple[int, int]
) -> list[Quantity]:
    lo, hi, rule = count
    if rule == NONE_RULE:  # "no casualties": nobody killed and nobody injured
        kinds = tuple(
            x for k in kinds for x in ((k,) if k != CASUALTIES else ("killed", "injured"))
        )
    out: list[Quantity] = []
    for kind in dict.fromkeys(kinds):
        suffix = ";casualties" if kind == CASUALTIES else ""
        real = "injured" if kind == CASUALTIES else kind
        out.append(Quantity(real, lo, hi, text[span[0] : span[1]], span[0], span[1], rule + suffix))
    return out


def _one(c: Cues, text: str, m: re.Match[str], prev: list[Quantity]) -> list[Quantity]:
    count = parse_count(m.group())
    if count is None or _noise(c, text, m.start(), m.end()):
        return []
    zero = count[2] == NONE_RULE
    reading = _kinds(c, text, m.span(), zero)
    span = (m.start(), reading.end if zero and reading else m.end())
    if reading:
        return _quantities(reading.kinds, count, text, span)
    digits = m.group()[-1].isdigit() and not _YEAR.fullmatch(m.group())
    if digits and not zero and prev and prev[-1].kind == "participants":
        return _quantities(
            ("participants",), (count[0], count[1], count[2] + ";elided-noun"), text, span
        )
    return []


def find_quantities(text: str) -> list[Quantity]:
    """Counts of people in one sentence, in text order; kind ``other`` for counted things."""
    c, out = cues(), list[Quantity]()
    for m in lexicon().count_re.finditer(text):
        out += _one(c, text, m, out)
    return out

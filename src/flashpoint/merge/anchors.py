"""What ties a report to one incident beyond its type and date: its anchors.

Two reports of one type on one day are often two incidents: a live page carries the day's
stories from several places, and a commentary mentions attacks in passing. Event coreference
rests on shared arguments (who, where, how many), so a report joins another article's event
only when it shares an anchor with one of its reports (an article's own reports of one type
and day are taken as one incident unless a hard test parts them, and a definite description,
"condemned the exercise", presupposes the act its readers know of that day):

- ``actor:`` an actor the sentence names, as normalised (not one the extractor supplies, such
  as "Protesters" for an unnamed crowd, nor one carried over from another sentence): the parse
  does not always tell which of them did it ("North Korea is moving to reinforce that, laying
  more landmines");
- ``place:`` a town-level place (ACLED geo precision 1 or 2) named in the report's own sentence;
- ``count:`` a count of the dead, injured, arrested or participants given as one number;
- ``name:`` a capitalised word inside the sentence, or a number from 100 up that is not a year;
  not a word every story of a topic shares: a stop word, a country's name, alias, capital or
  demonym, a weekday or month, a title ("President", "Mr"), a news outlet or a wire service;
- ``text:`` the sentence itself: a syndicated copy is the same report.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from flashpoint.countries import country_phrases
from flashpoint.datafiles import read_tsv
from flashpoint.merge.compat import OWN_PLACE_RULES
from flashpoint.records import STATE_FORCE_RULE, Mention, Quantity

__all__ = ["anchors", "from_stored", "stored"]

ANCHOR_SEPARATOR = "\x1f"  # between anchors as the store keeps them

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’])*|\d[\d,.]*\d|\d")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")  # "10:30 GMT", "5.45pm": a clock, not a count
_YEAR = re.compile(r"(19|20)\d\d")
MIN_NUMBER = 100  # below it a number is a day of the month as often as a count


@lru_cache(maxsize=1)
def _weak_words() -> frozenset[str]:
    """Words every story of a topic shares, one word at a time ("North Korean" gives "north"
    and "korean"): stop words, data/anchor_stop_words.tsv (the calendar, name particles, wire
    services), countries' names, aliases, capitals and demonyms (and their plurals), titles
    (data/person_cues.tsv) and news outlets (data/outlets.tsv)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | {r["word"].strip().lower() for r in read_tsv("anchor_stop_words.tsv")}

    def add(phrase: str) -> None:
        words.update(w.lower() for w in _WORD.findall(phrase.replace("-", " ")))

    for phrase in country_phrases():
        add(phrase)
    for row in read_tsv("person_cues.tsv"):
        if row["kind"].strip() == "title":
            add(row["cue"])
    for row in read_tsv("outlets.tsv"):
        add(row["outlet"])
    return frozenset(words)


def _bare(word: str) -> str:
    """Lowercase, without a possessive or a closing quote: "Korea's" and "Korea’s" -> korea."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower.strip("'")


def _names(sentence: str) -> set[str]:
    """Capitalised words inside the sentence (not its first word; each part of a hyphenated
    word on its own: "Kidal-based" -> kidal) and numbers from MIN_NUMBER up but years."""
    weak = _weak_words()
    out: set[str] = set()
    words = _WORD.findall(_TIME.sub(" ", sentence.replace("-", " ")))
    for i, word in enumerate(words):
        if word[0].isdigit():
            number = word.replace(",", "")
            if not _YEAR.fullmatch(word) and number.isdigit() and int(number) >= MIN_NUMBER:
                out.add(number)
            continue
        bare = _bare(word)
        if i > 0 and word[0].isupper() and len(bare) > 1 and bare not in weak:
            out.add(bare)
    return out


def _count(q: Quantity | None) -> str | None:
    """One number as given ("seven were killed"): not a range, an approximation ("about 20"),
    a vague word ("dozens") or none at all ("no casualties")."""
    if q is None or q.min is None or q.min != q.max or q.min == 0 or q.rule != "number":
        return None
    return f"count:{q.kind}:{q.min}"


def _named_actors(m: Mention) -> set[str]:
    # a state renamed by its act ("China" doing drills: its military) is still named here
    carried = {field for field, how in m.inferred if how != STATE_FORCE_RULE}
    out = set()
    for field, actor in (("actor1", m.actor1), ("actor2", m.actor2)):
        if actor is not None and field not in carried and actor.text and not actor.inferred:
            out.add(actor.name)
    out.update(a.name for a in m.actors if a.text and not a.inferred)
    return out


def anchors(m: Mention) -> frozenset[str]:
    """The anchors of one report (see the module docstring)."""
    out = {f"name:{w}" for w in _names(m.sentence.text)}
    digest = hashlib.sha1(" ".join(m.sentence.text.split()).lower().encode()).hexdigest()[:16]
    out.add(f"text:{digest}")
    out.update(f"actor:{name}" for name in _named_actors(m))
    place = m.place
    if place is not None and place.rule in OWN_PLACE_RULES and place.geo_precision <= 2:
        out.add(f"place:{place.geonames_id or place.name}")
    out.update(c for c in map(_count, (m.killed, m.injured, m.participants)) if c is not None)
    return frozenset(out)


def stored(tied: frozenset[str]) -> str:
    """Anchors as the store keeps them (mentions.merge_anchors)."""
    return ANCHOR_SEPARATOR.join(sorted(tied))


def from_stored(text: str) -> frozenset[str]:
    return frozenset(text.split(ANCHOR_SEPARATOR)) if text else frozenset()

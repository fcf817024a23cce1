"""'The border', 'the frontier': which curated line a border word names, from the countries
the article, the word's own phrase and its sentence name (data/borders.tsv). Read by
:func:`flashpoint.geo.resolve.resolve` for the toponyms :mod:`flashpoint.geo.toponyms` found as
border words."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from flashpoint.geo.gazetteer import Entry, Gazetteer
from flashpoint.geo.lexicon import borders
from flashpoint.geo.toponyms import Toponym

if TYPE_CHECKING:
    from flashpoint.geo.context import Context

LOCAL_CHARS = 1500  # characters: about a paragraph or two either side (resolve's too)
# '$1.2 bn' and 'U.S.' end no sentence
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'’”)]*(?:\s|$)|\n")
PHRASE_CHARS = 20  # characters either side of a border word that belong to its phrase
POSSESSED = re.compile(r"(?:\b(?:its|their|his|her)|['’]s?)\s+(?:[\w-]+\s+){0,2}$", re.I)


def border_between(
    ctx: Context, gaz: Gazetteer, top: Toponym, text: str = "", ends: list[int] | None = None
) -> Entry | None:
    """'The border': that of the two countries named most, and nearest, of the known pairs;
    one of the two must be named within LOCAL_CHARS of the word; the countries the phrase
    names itself (within PHRASE_CHARS, not past punctuation: 'the Turkish border', 'its
    frontier with Iraq') must be the two or one of them, and when the border is possessed
    ('its border') a country its sentence names must be one of them. "Saudi Arabia deployed
    troops to secure its border", in a story that names the United States and Mexico
    elsewhere, is no US-Mexico border; with no known line of Saudi Arabia's it is no curated
    place at all."""
    most = max(ctx.countries.values(), default=0.0)
    near = math.exp(-LOCAL_CHARS / 60)  # ctx.local's closeness at that distance

    def weight(country: str) -> float:
        share = ctx.countries.get(country, 0.0) / most if most else 0.0
        return share + 2 * ctx.local(country, top)

    first, last = sentence_bounds(ends or [], top.start, top.end)
    own = phrase_countries(ctx, *phrase_bounds(text, top, first, last), top)
    # whose border a possessive leaves open ('its border') the sentence says
    possessed = POSSESSED.search(text[max(0, top.start - 40) : top.start])
    said = phrase_countries(ctx, first, last, top) if possessed else set()
    pairs = [(sum(map(weight, pair)), pair) for pair in borders()]
    pairs = [
        (w, pair)
        for w, pair in pairs
        if all(ctx.countries.get(c, 0.0) > 0 for c in pair)
        and any(ctx.local(c, top) > near for c in pair)
        and (len(own) > 2 or own <= set(pair))
        and (not said or bool(said & set(pair)))
    ]
    best = max(pairs, key=lambda wp: wp[0], default=None)
    return gaz.border(best[1]) if best else None


def phrase_countries(ctx: Context, first: int, last: int, top: Toponym) -> set[str]:
    """The countries named between ``first`` and ``last`` (the toponym itself left out)."""
    return {
        c
        for start, end, c in ctx.mentions
        if not c.startswith("@")
        and (start, end) != (top.start, top.end)
        and end >= first
        and start <= last
    }


def phrase_bounds(text: str, top: Toponym, first: int, last: int) -> tuple[int, int]:
    """The border word's phrase: PHRASE_CHARS either side, inside its sentence, and not past
    punctuation ('the Turkish border', 'its frontier with Iraq'; not '..., Brazil said')."""
    start, end = max(first, top.start - PHRASE_CHARS), min(last, top.end + PHRASE_CHARS)
    before = max((text.rfind(mark, start, top.start) for mark in ",;:()"), default=-1)
    after = [at for at in (text.find(mark, top.end, end) for mark in ",;:()") if at >= 0]
    return max(start, before + 1), min(after, default=end)


def sentence_ends(text: str) -> list[int]:
    """Where the text's sentences end, by their end punctuation (no parse: gold spans have
    none)."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_bounds(ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence around a span, given :func:`sentence_ends`."""
    k = bisect_right(ends, start)
    first = ends[k - 1] if k else 0
    later = bisect_left(ends, end)
    return first, ends[later] if later < len(ends) else 1 << 62

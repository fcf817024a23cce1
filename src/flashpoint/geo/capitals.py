"""A country's capital named through the country: "the Nigerien capital", "the capital of
Niger". The phrase names one city as surely as its name would ("arrived in the Nigerien
capital" happened in Niamey), so the toponym is widened to the phrase and resolved to the
country's capital; left alone, the demonym only names a people and the country a whole state.
"the capital city of" counts too. Not read: "the Syrian capital punishment" (a noun that
"capital" modifies in its other senses, ``capital_noun`` in geo_words.tsv), "the former
Nigerian capital" or "the commercial capital of Nigeria" (a word between "the" and the
phrase), "backed by Chinese capital" (no "the"), "the capital of Nigeria's Borno state" (the
country possesses what follows)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flashpoint.geo.gazetteer import Entry, Gazetteer
from flashpoint.geo.lexicon import words
from flashpoint.geo.toponyms import Toponym

# "the Nigerien capital" and "the capital of Niger", with "the" right before: "the former
# Nigerian capital", "the commercial capital of Nigeria" and "backed by Chinese capital" name
# another city or none
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_AFTER_DEMONYM = re.compile(r"\s+capital(?:\s+city)?\b", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_BEFORE_COUNTRY = re.compile(r"\bthe\s+capital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")  # "the capital of Nigeria's Borno state": Maiduguri


def capital_phrases(
    toponyms: list[Toponym],
    entries: list[Entry | None],
    text: str,
    gaz: Gazetteer,
    doc: Any,
) -> tuple[list[Toponym], list[Entry | None]]:
    """``toponyms`` and ``entries`` with each capital phrase widened and resolved."""
    tops, out = list(toponyms), list(entries)
    for k, top in enumerate(toponyms):
        entry = out[k]
        if entry is None or entry.kind != "country" or not entry.country or top.embedded:
            continue
        span = _phrase(top, text)
        capital = gaz.capital(entry.country) if span is not None else None
        if span is None or capital is None:
            continue
        start, end = span
        tops[k] = replace(
            top,
            start=start,
            end=end,
            text=text[start:end],
            how="capital",
            token=_capital_token(doc, start, end, top.token),
        )
        out[k] = capital
    return tops, out


def _phrase(top: Toponym, text: str) -> tuple[int, int] | None:
    if top.how == "demonym":
        after = _AFTER_DEMONYM.match(text, top.end)
        if after is None or not _THE_BEFORE.search(text, max(0, top.start - 8), top.start):
            return None
        noun = _NEXT_WORD.match(text, after.end())
        if noun is not None and noun.group(1).lower() in words().capital_nouns:
            return None
        return top.start, after.end()
    before = _BEFORE_COUNTRY.search(text, max(0, top.start - 30), top.start)
    if before is None or _POSSESSIVE.match(text, top.end):
        return None
    return before.start(), top.end


def _capital_token(doc: Any, start: int, end: int, fallback: int) -> int:
    """The doc token the phrase hangs from: "city" in "the capital city", else "capital"."""
    if doc is None or fallback < 0:
        return fallback
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return fallback
    found = [t for t in span if t.lower_ == "capital"]
    if not found:
        return fallback
    after = found[0].i + 1
    city = after < len(doc) and doc[after].lower_ == "city"
    return after if city else int(found[0].i)

"""A country's capital named through the country: "the Nigerien capital", "the capital of
Niger". The phrase names one city as surely as its name would ("arrived in the Nigerien
capital" happened in Niamey), so the toponym is widened to the phrase and resolved to the
country's capital; left alone, the demonym only names a people and the country a whole state.
"the capital city of" counts too; "the Syrian capital punishment" names no city: a noun
that "capital" modifies in its other senses (``capital_noun`` in geo_words.tsv) stops it."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flashpoint.geo.gazetteer import Entry, Gazetteer
from flashpoint.geo.lexicon import words
from flashpoint.geo.toponyms import Toponym

_AFTER_DEMONYM = re.compile(r"\s+capital(?:\s+city)?\b", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_BEFORE_COUNTRY = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.I)


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
        if after is None:
            return None
        noun = _NEXT_WORD.match(text, after.end())
        if noun is not None and noun.group(1).lower() in words().capital_nouns:
            return None
        return top.start, after.end()
    before = _BEFORE_COUNTRY.search(text, max(0, top.start - 30), top.start)
    return (before.start(), top.end) if before else None


def _capital_token(doc: Any, start: int, end: int, fallback: int) -> int:
    """The doc token of the word "capital": the head the phrase hangs from."""
    if doc is None or fallback < 0:
        return fallback
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return fallback
    found = [t.i for t in span if t.lower_ == "capital"]
    return found[0] if found else fallback

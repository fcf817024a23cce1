"""A list of names that ends in a plural word for an area names areas of that kind.

'Barrow, Jackson and Madison counties', 'Idlib and Hama provinces', 'Donetsk and Luhansk
regions': the plural head is every member's, so each name is a county (a province, a region),
whatever else it may be on its own: a person's name ('Jackson'), a common word ('Swift'). The
words are ``geo_words.tsv``'s ``area_word`` rows in the plural; the kind is their ``suffix``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from flashpoint.geo.lexicon import words
from flashpoint.geo.names import CAPITALISED_NAME

NAME = CAPITALISED_NAME
LIST_GAP = r"(?:\s*,|,?\s+(?:and|or)|\s+&)\s+"
REACH_TOKENS = 24  # how far a list may run after the name


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    plural = sorted((w for w in words().area_word if w.endswith("s")), key=len, reverse=True)
    kinds = "|".join(map(re.escape, plural))
    members_then_kind = re.compile(rf"^(?:{LIST_GAP}{NAME})+\s+({kinds})\b")  # ", B and C counties"
    kind_next = re.compile(rf"^\s+({kinds})\b")  # the last member: "C counties"
    member_before = re.compile(rf"{NAME}{LIST_GAP}$")  # "A, B and " before it
    return members_then_kind, kind_next, member_before


def area_list_kind(span: Any) -> str:
    """The kind (``suffix`` hint) of the area a name is, as a member of such a list, or ''."""
    doc = span.doc
    after = doc[span.end : min(len(doc), span.end + REACH_TOKENS)].text
    after = (" " if doc[span.end - 1].whitespace_ else "") + after
    members_then_kind, kind_next, member_before = _patterns()
    found = members_then_kind.match(after)
    if found is None:
        found = kind_next.match(after)
        before = doc[max(0, span.start - 6) : span.start].text_with_ws
        if found is None or member_before.search(before) is None:
            return ""
    return words().suffix.get(found.group(1).lower(), "")

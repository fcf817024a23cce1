"""Split clean text into sentences with offsets, cheaply, before any model runs.

Only sentences that can hold an event go through the full spaCy pipeline, so the splitter
must be fast and good enough for news prose: paragraph breaks always split; a full stop
splits unless it ends a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pte adm brig cmdr gov sen rep rev st no "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp vs etc al approx est "
    "u.s u.k u.n e.g i.e a.m p.m".split()
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed."""
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        yield from _trim(text, start, m.end())
        start = m.end()
    yield from _trim(text, start, len(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end

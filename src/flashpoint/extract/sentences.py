"""Split clean text into sentences with offsets, cheaply, before any model runs.

Only sentences that can hold an event go through the full spaCy pipeline, so the splitter
must be fast and good enough for news prose as scrapers save it: paragraph breaks always split;
a full stop, question or exclamation mark splits before the next word whatever its case
(lower-cased archives are common), unless it ends a known abbreviation, an initial or a number
("3.5"). A run with no stop at all is cut at its last space before ``MAX_CHARS``, so a page with
no punctuation is parsed in pieces, never failed for length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pte adm brig cmdr gov sen rep rev st no "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp vs etc al approx est "
    "u.s u.k u.n e.g i.e a.m p.m shri smt sri mt ft jr sr nos dept govt rs".split()
)
# A stop, closing quotes or brackets, then space and an opening quote or any word character;
# or a blank line; or a line that is a dateline or heading ("rajkot:" / "WASHINGTON (Reuters) -").
_END = re.compile(r"[.!?…]+(?:[\"'”’)\]]|â€[™œ\x9d])*(?=\s+(?:[\"'“‘(\[]|â€[˜œ])?\w)|\n\s*\n")
MAX_CHARS = 1000  # longest piece handed to the parser


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed."""
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        yield from _pieces(text, start, m.end())
        start = m.end()
    yield from _pieces(text, start, len(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


# "m", "m.n", "a.k.m": a name's initials ("m.n. singh"), which no sentence ends on.
_INITIALS = re.compile(r"[a-z](?:\.[a-z])*")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence trimmed, cut at spaces when it is longer than the parser should take."""
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        cut = cut if cut > start else start + MAX_CHARS
        yield from _trim(text, start, cut)
        start = cut
    yield from _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end

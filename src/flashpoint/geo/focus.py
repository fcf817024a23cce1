"""An article's geographic focus: where it is about, from its dateline and the places it names.

The dateline ('CAIRO, Egypt (CNN) -', 'BAGHDAD -') says where the reporter filed from: strong
evidence of the article's region, never by itself the place of an event. The focus (the
countries the article names, weighted, the dateline's counted heavily) is a prior in resolution
(:mod:`flashpoint.geo.resolve`) and the last fallback of an event's place
(:mod:`flashpoint.geo.locate`).
"""

from __future__ import annotations

import re

from flashpoint.geo.lexicon import words

_START = r"(?:^|(?<=\n)|(?<=[.!?\"] ))"
_CAPS = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*"
_TITLE = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*"
_REGION = r"(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?"
_DATE = r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"  # a wire's filing date: 'BEIRUT, Oct 3'
_OUTLET = r"\([A-Za-z][\w .&-]{1,30}\)"
_DASH = r" ?(?:--|—|–|-) "
# Capitals then a dash ('BAGHDAD -'), or any name followed by the outlet in brackets.
DATELINE = re.compile(
    rf"{_START}(?:(?:{_CAPS}){_REGION}{_DATE}(?: {_OUTLET})?"
    rf"|(?:{_TITLE}){_REGION}{_DATE} {_OUTLET}){_DASH}"
)
# A transcript's speaker caption: a name in capitals, a comma, who the speaker is in capitals,
# a colon ('JANE DOE, CNN CAIRO CORRESPONDENT (voice-over):'): its places say who speaks
# (a name of at most four words, a caption of at most twelve, one space between words: a long
# run of capitals with no colon fails in linear time)
_CAPTION_WORDS = r"[A-Z][A-Z'’.()&-]*(?: [A-Z][A-Z'’.()&-]*){0,11}"
CAPTION = re.compile(
    rf"{_START}[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{1,3}} ?, ({_CAPTION_WORDS})"
    r"(?: \([a-z -]+\))? ?:"
)
DATELINE_WEIGHT = 2.0  # a dateline counts as this many mentions of its country
MAX_DATELINE = 60  # characters


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the article's datelines (a page may hold several stories)."""
    return [
        (m.start(), m.end()) for m in DATELINE.finditer(text) if m.end() - m.start() <= MAX_DATELINE
    ]


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the speaker captions of a transcript, the part after the name: of
    two words or more (a dateline 'NEW DELHI, INDIA:' is none), and not one that says the
    speaker is where the story is ('KHARKIV RESIDENT', ``caption_local``)."""
    local = words().caption_local
    out = []
    for m in CAPTION.finditer(text):
        caption = m.group(1).split()
        if len(caption) >= 2 and not any(w.lower().strip(".()") in local for w in caption):
            out.append((m.start(1), m.end(1)))
    return out


def in_spans(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)

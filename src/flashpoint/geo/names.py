"""How names are compared: one normal form for the gazetteer's keys and the text's words."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

_FOLD = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
        "‐": " ", "‑": " ", "–": " ", "—": " ", "-": " ", "/": " ", ".": "",
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae",
        "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
# A capitalised name of one or two words, as written in running text ('Idlib', 'Otter Tail'):
# the members of a list of places (seats.py, area_lists.py).
CAPITALISED_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"


@lru_cache(maxsize=65536)  # the matcher normalises the same words many times per article
def normalize(name: str) -> str:
    """Lower case; no accents, apostrophes or dots; hyphens as spaces: P'yŏngyang, pyongyang."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SPACE.sub(" ", plain.casefold().replace("'", "")).strip()


SPELLING_SIMILARITY = 0.75


@lru_cache(maxsize=65536)
def spelled_like(text: str, name: str) -> bool:
    """Is ``text`` the place's name or a spelling of it ('Misrata' for Misratah, 'Homs' for
    Ḩimş), not a different name it once had or is also known by ('Molotov' for Perm, 'Harper'
    for Costa Mesa)? A size learned through such another name is no evidence for the word."""
    a, b = normalize(text), normalize(name)
    if a == b or (len(a) >= 4 and b.startswith(a)):  # 'Cook' County, 'Phila.', 'Gyeonggi'-do
        return True
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_SIMILARITY


def title_case(words_of: Any) -> bool:
    """A headline in title case ('Police Arrest Man Near School'): no closing stop, and most
    of its longer words capitalised. Its capitals name nothing."""
    if words_of[-1].text in (".", "!", "?", '"', "”", "'", "’"):
        return False
    long_words = [t for t in words_of if t.is_alpha and len(t) > 3]
    capitals = sum(t.text[:1].isupper() for t in long_words)
    return len(long_words) >= 3 and capitals > 0.7 * len(long_words)

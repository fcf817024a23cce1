"""How names are compared: one normal form for the gazetteer's keys and the text's words."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
        "‐": " ", "‑": " ", "–": " ", "—": " ", "-": " ", "/": " ", ".": "",
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae",
        "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Lower case, no accents, no apostrophes or dots, hyphens as spaces: 'P'yŏngyang' -> 'pyongyang'."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SPACE.sub(" ", plain.casefold().replace("'", "")).strip()

"""Offline script detection: text mostly in a script extraction cannot read is flagged.

Extraction reads English. A Korean, Arabic or Chinese article stored as ``en`` would give
no mentions and no notice, so the writing system of its letters is checked: no model, no
network, just Unicode ranges.
"""

from __future__ import annotations

import re

from flashpoint.records import Article

# (first, last code point, language code, script name); the code is the usual language of
# the script, recorded so a later reader knows what the article is written in.
_SCRIPTS: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "el", "Greek"),
    (0x0400, 0x052F, "ru", "Cyrillic"),
    (0x0530, 0x058F, "hy", "Armenian"),
    (0x0590, 0x05FF, "he", "Hebrew"),
    (0x0600, 0x06FF, "ar", "Arabic"),
    (0x0750, 0x077F, "ar", "Arabic"),
    (0x08A0, 0x08FF, "ar", "Arabic"),
    (0x0900, 0x097F, "hi", "Devanagari"),
    (0x0980, 0x09FF, "bn", "Bengali"),
    (0x0B80, 0x0BFF, "ta", "Tamil"),
    (0x0E00, 0x0E7F, "th", "Thai"),
    (0x10A0, 0x10FF, "ka", "Georgian"),
    (0x1200, 0x139F, "am", "Ethiopic"),
    (0x1100, 0x11FF, "ko", "Hangul"),
    (0x3130, 0x318F, "ko", "Hangul"),
    (0xAC00, 0xD7AF, "ko", "Hangul"),
    (0x3040, 0x30FF, "ja", "Kana"),
    (0x3400, 0x4DBF, "zh", "Han"),
    (0x4E00, 0x9FFF, "zh", "Han"),
    (0xFB50, 0xFDFF, "ar", "Arabic"),
    (0xFE70, 0xFEFF, "ar", "Arabic"),
)
SAMPLE_CHARS = 20_000  # enough letters to judge; the whole of a huge text is not needed
MIN_LETTERS = 20
MIN_SHARE = 0.5


_LETTER = re.compile(r"[^\W\d_]")


def _classes() -> dict[tuple[str, str], re.Pattern[str]]:
    """One character class per script, from the ranges above."""
    ranges: dict[tuple[str, str], str] = {}
    for first, last, language, name in _SCRIPTS:
        ranges[(language, name)] = ranges.get((language, name), "") + f"{chr(first)}-{chr(last)}"
    return {key: re.compile(f"[{chars}]") for key, chars in ranges.items()}


_SCRIPT_CLASSES = _classes()


def unsupported_script(text: str) -> tuple[str, str] | None:
    """(language code, script name) when most letters are in a non-Latin script."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # most English text: nothing to count
        return None
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    counts = {key: len(found.findall(sample)) for key, found in _SCRIPT_CLASSES.items()}
    # Japanese mixes Kana with Han: any Kana makes Han text Japanese.
    if counts[("ja", "Kana")] and counts[("zh", "Han")]:
        counts[("ja", "Kana")] += counts.pop(("zh", "Han"))
    script, count = max(counts.items(), key=lambda kv: kv[1])
    return script if count and count / letters >= MIN_SHARE else None


UNSUPPORTED_LANGUAGES = frozenset(language for _, _, language, _ in _SCRIPTS)


def is_extractable(article: Article) -> bool:
    """False for an article known to be written in a language extraction cannot read."""
    return (article.language or "en") not in UNSUPPORTED_LANGUAGES

"""The people an article names with a political title ("President Hosni Mubarak", "Nick
Shapiro, a White House spokesman"): only they make a talk, visit or order political. A person
the article never titles so (a singer, a reader's grandfather) is no political party."""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint.extract.clauses import load_cues

WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")
MAX_NAME_WORDS = 6
# words that end a noun phrase: past them a title is another person's ("Obama, who met the
# president")
PHRASE_ENDS = "who|whom|whose|which|that|and|but|or|said|says|told|tells|when|while|after|before|as"


CAPITALS_SHARE = 0.05  # below it the text is lowercase (scraped so): names are not told


def titled_names(text: str) -> frozenset[str] | None:
    """Every word, lowercased, of every name the text gives a political title, before the
    name or in apposition after it (``political_title`` in realis_cues.tsv). None when the
    text is written without capitals ("dm anil singh ordered a curfew"): no title can be
    read there, so the titled-name test does not apply."""
    words = list(WORD.finditer(text))
    if not words or sum(w.group()[:1].isupper() for w in words) / len(words) < CAPITALS_SHARE:
        return None
    return (
        frozenset(_before_name(text, words))
        | frozenset(_in_apposition(text))
        | frozenset(_title_then_name(text))
    )


def _is_title(word: str) -> bool:
    return load_cues().has("political_title", word.rstrip(".").lower())


def _before_name(text: str, words: list[re.Match[str]]) -> list[str]:
    found: list[str] = []
    for i, word in enumerate(words):
        if not _is_title(word.group()):
            continue
        j = _past_titles(text, words, i + 1)
        name: list[str] = []
        while (
            j < len(words)
            and len(name) < MAX_NAME_WORDS
            and _adjacent(text, words[j - 1], words[j])
            and (words[j].group()[:1].isupper() or PARTICLE.match(words[j].group()))
            and not _is_title(words[j].group())
            and words[j].group() != "I"  # "an officer I met"
        ):
            name.append(words[j].group())
            j += 1
            if _sentence_end(words[j - 1].group()):
                break
        # every word of the name: the parser may meet any of them again ("Kim Jong Un ...
        # Kim visited", "Xi Jinping ... Xi met", "Al Thani")
        found.extend(
            form for word in name if not PARTICLE.fullmatch(word) for form in _surname_forms(word)
        )
    return found


PARTICLE = re.compile(r"(?:al|el|ad|as|ash|an|bin|ibn|de|del|da|di|du|van|von|le|la)(?:-|$)", re.I)


def _surname_forms(word: str) -> list[str]:
    """How the parser may meet a surname again: lowercased, without a possessive or a
    full stop, and the part after a hyphen ("al-Burhan": "burhan"; "Jong-un": "un")."""
    bare = re.sub(r"['’]s$", "", word.rstrip(".")).lower()
    return [bare, bare.rsplit("-", 1)[-1]] if "-" in bare else [bare]


def _past_titles(text: str, words: list[re.Match[str]], j: int) -> int:
    """The index after a title's other words ("Prime Minister", "Secretary of State")."""
    while j < len(words) and _adjacent(text, words[j - 1], words[j]):
        if _is_title(words[j].group()):
            j += 1
        elif words[j].group() == "of" and j + 1 < len(words) and words[j + 1].group()[:1].isupper():
            j += 2
        else:
            break
    return j


def _sentence_end(word: str) -> bool:
    """A full stop after a word longer than an initial ("Clinton." ends, "H." does not)."""
    return word.endswith(".") and len(word) > 2


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return not text[left.end() : right.start()].strip()


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern[str]:
    """A name, a comma, then a title within a short noun phrase ("Hague, the foreign
    secretary")."""
    titles = "|".join(sorted(load_cues().by_kind.get("political_title", ()), key=len, reverse=True))
    between = rf"(?:(?!(?:{PHRASE_ENDS})\b)[\w'’.-]+\s+){{0,5}}?"
    return re.compile(rf"\b([A-Z][\w'’-]+),\s+{between}(?i:{titles})s?\b")


def _in_apposition(text: str) -> list[str]:
    return [form for m in _apposition().finditer(text) for form in _surname_forms(m.group(1))]


@lru_cache(maxsize=1)
def _named_after() -> re.Pattern[str]:
    """A title, what it is of, then the name between commas ("the UN envoy for Yemen, Hans
    Grundberg, said")."""
    titles = "|".join(sorted(load_cues().by_kind.get("political_title", ()), key=len, reverse=True))
    of = r"(?:\s+(?:of|for|to|in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,4})?"
    name = r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)"
    return re.compile(rf"\b(?i:{titles})s?{of},\s+{name}(?=[,.;]|$)")


def _title_then_name(text: str) -> list[str]:
    return [
        form
        for m in _named_after().finditer(text)
        for word in m.group(1).split()
        for form in _surname_forms(word)
    ]

"""Count phrases: "12", "1,500", "twenty-five", "20 to 30", "at least 10", "dozens".

Number words, vague words ("dozens" = 12), modifiers ("at least") and explicit zeros ("no one")
come from ``data/vague_quantities.tsv``, where the ACLED conventions are documented. A count is
``(min, max, rule)``: ``min`` is the ACLED figure (the lowest reported), ``None`` where unknown
("up to 50"); ``max`` is ``None`` where open ("at least 10", "dozens").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from flashpoint.datafiles import read_tsv

Count = tuple[int | None, int | None, str]
NONE_RULE = "explicit-none"
_SEP = re.compile(r"\s*[-–—]\s*|\s+(?:to|or|and)\s+")
_BETWEEN = re.compile(r"(?:between|from)\s+(.+)")
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(\w+))?")


def _rows(name: str) -> list[dict[str, str]]:
    return read_tsv(name)


def _alt(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, tuple[str, int]]  # number word -> (unit | tens | multiplier, value)
    fixed: dict[str, Count]  # exact, vague and none phrases
    modifiers: dict[str, str]  # phrase -> rule
    count_re: re.Pattern[str]  # one count in running text
    mod_re: re.Pattern[str]
    vague_re: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    by_type: dict[str, dict[str, str]] = defaultdict(dict)
    for r in _rows("vague_quantities.tsv"):
        by_type[r["type"]][" ".join(r["phrase"].lower().split())] = r["value"] or r["rule"]
    words = {w: (t, int(v)) for t in ("unit", "tens", "multiplier") for w, v in by_type[t].items()}
    fixed: dict[str, Count] = {p: (int(v), int(v), "number") for p, v in by_type["exact"].items()}
    for t in ("vague", "vague-scale"):
        fixed.update({p: (int(v), None, f"vague:{p}={v}") for p, v in by_type[t].items()})
    fixed.update({p: (0, 0, NONE_RULE) for p in by_type["none"]})
    w_alt, mult = _alt(list(words)), _alt(list(by_type["multiplier"]))
    vague = _alt([*by_type["vague"], *by_type["vague-scale"]])
    vscale = _alt(list(by_type["vague-scale"]))
    word = rf"(?:{w_alt})\b"
    seq = rf"{word}(?:(?:\s*-\s*|\s+){word})*"
    wordnum = rf"(?:an?\s+)?(?:(?:{word}(?:\s*-\s*|\s+))*?(?:{mult})\s+and\s+)?{seq}"
    dignum = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![,\d])|\d+)(?:\.\d+)?(?:\s+(?:{mult})\b)?"
    num = rf"(?:{dignum}|{wordnum})"
    rng = rf"(?:between|from)\s+{num}\s+(?:and|to)\s+{num}|{dignum}\s*[-–—]\s*{dignum}"
    rng += rf"|{num}\s+(?:to|or)\s+{num}"
    vcomp = rf"(?:{vague})\b(?:\s+of\s+(?:{vscale})\b|\s+(?:{mult})\b)?"
    core = rf"(?:{rng}|{_alt(list(by_type['exact']))}|{vcomp}|{num})"
    mods = _alt(list(by_type["modifier"]))
    count = rf"(?<![\w$€£#.,:-])(?:(?:(?:{mods})\s+)?{core}|(?:{_alt(list(by_type['none']))}))"
    return Lexicon(
        words=words,
        fixed=fixed,
        modifiers=dict(by_type["modifier"]),
        count_re=re.compile(count + r"(?![\w-]|[,:.]\d)", re.IGNORECASE),
        mod_re=re.compile(rf"({mods})\s+(.+)"),
        vague_re=re.compile(rf"({vague})(?:\s+of\s+({vscale})|\s+({mult}))?"),
    )


def _words(lex: Lexicon, tokens: list[str]) -> int | None:
    """Value of number words ("twenty-five", "a hundred and twenty"), None if malformed."""
    total = cur = 0
    prev = ""
    for t in tokens:
        if t == "and" and prev == "multiplier":
            continue
        if t in ("a", "an") and not prev:
            cur, prev = 1, "a"
            continue
        kind, value = lex.words.get(t, ("", 0))
        if not kind or (prev == "a" and kind != "multiplier"):
            return None
        if kind == "multiplier" and value >= 1000:
            total, cur = total + (cur or 1) * value, 0
        elif kind == "multiplier":
            cur = (cur or 1) * value
        elif prev == "unit" or (prev == "tens" and (kind == "tens" or value >= 10)):
            return None
        else:
            cur += value
        prev = kind
    return None if prev in ("", "a") else total + cur


def _number(lex: Lexicon, s: str) -> int | None:
    m = _DIGITS.fullmatch(s)
    if m:
        value = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = lex.words.get(m.group(3) or "", ("", 1))
        if m.group(3) and scale[0] != "multiplier":
            return None
        value *= scale[1]
        return int(value) if value == value.to_integral_value() else None
    return _words(lex, [t for t in re.split(r"[\s-]+", s) if t])


def _scale(lex: Lexicon, s: str) -> int | None:
    """The multiplier a number phrase ends with ("30 thousand" -> 1000), if any."""
    kind, value = lex.words.get(s.split()[-1], ("", 0))
    return value if kind == "multiplier" else None


def _range(lex: Lexicon, s: str) -> Count | None:
    between = _BETWEEN.fullmatch(s)
    body = between.group(1) if between else s
    for sep in _SEP.finditer(body):
        if sep.group().strip() == "and" and not between:
            continue
        left, right = body[: sep.start()], body[sep.end() :]
        a, b = _number(lex, left), _number(lex, right)
        if a is None or b is None:
            continue
        scale = _scale(lex, right)
        if scale and _scale(lex, left) is None and a * scale <= b:
            a *= scale  # "two to three hundred"
        return min(a, b), max(a, b), "range"
    return None


def _vague(lex: Lexicon, s: str) -> Count | None:
    """A vague word with a scale: "tens of thousands", "several hundred", "a few dozen"."""
    m = lex.vague_re.fullmatch(s)
    if not m or not (m.group(2) or m.group(3)):
        return None
    base = lex.fixed[m.group(1)][0] or 0
    scale = (lex.fixed[m.group(2)][0] or 0) if m.group(2) else lex.words[m.group(3)][1]
    return base * scale, None, f"vague:{s}={base * scale}"


def _core(lex: Lexicon, s: str) -> Count | None:
    if s in lex.fixed:
        return lex.fixed[s]
    n = _number(lex, s)
    if n is not None:
        return n, n, "number"
    return _vague(lex, s) or _range(lex, s)


def _apply(mod: str, core: Count) -> Count:
    lo, hi, rule = core
    if mod in ("at-least", "more-than"):
        lo, hi = lo, None
    elif mod in ("up-to", "less-than"):
        lo, hi = None, hi if hi is not None else lo
    if mod in ("", "exact"):
        return lo, hi, rule
    return lo, hi, mod if rule == "number" else f"{mod};{rule}"


def parse_count(phrase: str) -> Count | None:
    """``(min, max, rule)`` for a count phrase ("at least 10", "20 to 30", "dozens of")."""
    lex = lexicon()
    s = " ".join(phrase.replace("’", "'").lower().split()).rstrip(".,;:")
    s = s.removesuffix(" of")
    core = _core(lex, s)
    if core is not None:
        return core
    m = lex.mod_re.fullmatch(s)
    if m and m.group(1) in lex.modifiers:
        inner = _core(lex, m.group(2))
        if inner is not None and inner[2] != NONE_RULE:
            return _apply(lex.modifiers[m.group(1)], inner)
    return None

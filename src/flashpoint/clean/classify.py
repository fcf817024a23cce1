"""Decide, paragraph by paragraph, what is body, what is boilerplate and what is metadata."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from flashpoint.clean.paragraphs import Paragraph, Piece
from flashpoint.clean.patterns import Patterns

_WORD = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?")
_QUOTES = "\"'”’“‘»«"
MAX_BOILERPLATE_WORDS = 25
MAX_CREDIT_WORDS = 14
MAX_BYLINE_WORDS = 20
MAX_CAPTION_WORDS = 60
MAX_TITLE_WORDS = 25
MAX_SUBHEADING_WORDS = 8


@dataclass
class Block:
    """A paragraph with its text after inline cuts and the decision taken on it."""

    para: Paragraph
    pieces: tuple[Piece, ...]
    text: str
    action: str = "body"  # body | remove | meta
    reason: str = ""
    detail: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())


def ends_sentence(text: str) -> bool:
    return text.rstrip(_QUOTES + " ").endswith(_SENTENCE_END)


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _fullmatch(patterns: Patterns, scope: str, text: str) -> str | None:
    for pattern in patterns.of(scope):
        if pattern.regex.fullmatch(text):
            return pattern.reason
    return None


def mark_boilerplate(blocks: list[Block], patterns: Patterns) -> None:
    """Ads, promos, widgets (removed); credits and bylines (kept apart as metadata)."""
    for block in blocks:
        text, words = block.text, block.words
        reason = _fullmatch(patterns, "line", text) if words <= MAX_BOILERPLATE_WORDS else None
        if reason:
            block.action, block.reason = "remove", reason
        elif words <= MAX_BYLINE_WORDS and _fullmatch(patterns, "byline", text):
            block.action, block.reason = "meta", "byline"
        elif (
            words <= MAX_CREDIT_WORDS
            and not ends_sentence(text)
            and _fullmatch(patterns, "credit", text)
        ):
            block.action, block.reason = "meta", "credit"


def mark_captions(blocks: list[Block], patterns: Patterns) -> None:
    """A short paragraph just before a credit line, reading like a caption, is a caption."""
    for i in range(1, len(blocks)):
        before = blocks[i - 1]
        if blocks[i].reason != "credit" or before.action != "body":
            continue
        if before.words > MAX_CAPTION_WORDS:
            continue
        cued = any(p.regex.search(before.text) for p in patterns.of("caption"))
        if cued or not ends_sentence(before.text):
            before.action, before.reason = "meta", "caption"


def mark_title(blocks: list[Block], title: str | None) -> None:
    """The headline printed at the top of the body is metadata, not body text."""
    body = [b for b in blocks if b.action == "body"]
    if not body:
        return
    first = body[0]
    same = title is not None and normalise(first.text) == normalise(title)
    headline = first.words <= MAX_TITLE_WORDS and not ends_sentence(first.text)
    if same or (headline and blocks.index(first) <= 2 and len(body) > 1):
        first.action, first.reason = "meta", "title"


def mark_subheadings(blocks: list[Block]) -> None:
    """Short unterminated lines between body paragraphs are subheadings."""
    next_body_words: list[int | None] = [None] * len(blocks)  # words of the next body block
    following: int | None = None
    for i in range(len(blocks) - 1, -1, -1):
        next_body_words[i] = following
        if blocks[i].action == "body":
            following = blocks[i].words
    for i, block in enumerate(blocks):
        if block.action != "body" or block.words > MAX_SUBHEADING_WORDS:
            continue
        if block.text.rstrip(_QUOTES).endswith((".", "!", "?", ":", ";", ",")):
            continue
        after = next_body_words[i]
        if after is not None and after > MAX_SUBHEADING_WORDS:
            block.action, block.reason = "meta", "subheading"


def mark_repeats(blocks: list[Block], near_jaccard: float, min_words: int) -> None:
    """Paragraphs printed again, verbatim or nearly, are removed; the first copy stays."""
    seen: dict[str, Block] = {}
    keys = [normalise(b.text) if b.action != "remove" else "" for b in blocks]
    near: NearIndex | PairwiseIndex
    if len(blocks) <= PAIRWISE_MAX_BLOCKS:
        near = PairwiseIndex(near_jaccard)
    else:
        near = NearIndex(near_jaccard, token_order(keys))
    for block, key in zip(blocks, keys, strict=True):
        if block.action == "remove":
            continue
        first = seen.get(key)
        if first is not None and (block.action == "meta" or block.words >= 1):
            block.detail = f"repeat of raw {first.para.start}-{first.para.end}"
            block.reason = "repeat" if block.action == "body" else block.reason
            block.action = "remove"
            continue
        seen[key] = block
        if block.action != "body" or block.words < min_words:
            continue
        tokens = frozenset(key.split())
        match = near.find(tokens)
        if match is not None:
            block.action, block.reason = "remove", "near_repeat"
            block.detail = f"near repeat of raw {match.para.start}-{match.para.end}"
            continue
        near.add(tokens, block)


PAIRWISE_MAX_BLOCKS = 60  # below this, comparing every pair is cheaper than indexing


class PairwiseIndex:
    """The same answers as :class:`NearIndex` by comparing every pair: for short articles."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self._kept: list[tuple[frozenset[str], Block]] = []

    def find(self, tokens: frozenset[str]) -> Block | None:
        size, t = len(tokens), self.threshold
        for other, block in self._kept if size else ():
            if t * size <= len(other) <= size / t:
                inter = len(tokens & other)
                if inter / (size + len(other) - inter) >= t:
                    return block
        return None

    def add(self, tokens: frozenset[str], block: Block) -> None:
        self._kept.append((tokens, block))


def token_order(texts: list[str]) -> dict[str, int]:
    """A rank for every token, rarest first (by the number of texts using it): rare tokens
    first keep the prefix index small."""
    counts: dict[str, int] = {}
    for text in texts:
        for token in set(text.split()):
            counts[token] = counts.get(token, 0) + 1
    ordered = sorted(counts, key=lambda t: (counts[t], t))
    return {token: rank for rank, token in enumerate(ordered)}


class NearIndex:
    """Paragraphs kept so far, found again by token-set Jaccard at or above a threshold.

    An exact prefix-filter join (PPJoin), not all pairs: with tokens in one fixed order
    (``rank``, rarest first), two sets of Jaccard >= t share a token among the first
    |x| - ceil(t|x|) + 1 of each, so only paragraphs sharing such a token are candidates;
    sizes and token positions then bound the overlap still possible, and a candidate that
    cannot reach it is dropped before the sets are compared. Same answers as comparing every
    pair, far fewer comparisons.
    """

    def __init__(self, threshold: float, rank: dict[str, int]):
        self.threshold = threshold
        self._rank = rank
        self._postings: dict[str, list[tuple[int, int]]] = {}  # token -> (kept index, position)
        self._kept: list[tuple[frozenset[str], Block]] = []
        self._last: tuple[frozenset[str], list[str]] | None = None  # find's prefix, for add

    def _prefix(self, tokens: frozenset[str]) -> list[str]:
        if self._last is not None and self._last[0] is tokens:
            return self._last[1]
        size = len(tokens)
        length = size - math.ceil(self.threshold * size - 1e-9) + 1
        try:
            ordered = sorted(tokens, key=self._rank.__getitem__)
        except KeyError:  # tokens not seen when ranking sort last, by text
            unranked = len(self._rank)
            ordered = sorted(tokens, key=lambda t: (self._rank.get(t, unranked), t))
        prefix = ordered[: max(1, min(size, length))]
        self._last = (tokens, prefix)
        return prefix

    def find(self, tokens: frozenset[str]) -> Block | None:
        """The earliest kept paragraph near enough to ``tokens``."""
        size, t = len(tokens), self.threshold
        if not size:
            return None
        overlap: dict[int, int] = {}  # candidate -> common prefix tokens; -1: pruned
        for i, token in enumerate(self._prefix(tokens)):
            for j, pos in self._postings.get(token, ()):
                if overlap.get(j, 0) < 0:
                    continue
                length = len(self._kept[j][0])
                if not (t * size - 1e-9 <= length <= size / t + 1e-9):
                    continue
                need = math.ceil(t / (1 + t) * (size + length) - 1e-9)
                if overlap.get(j, 0) + 1 + min(size - i - 1, length - pos - 1) >= need:
                    overlap[j] = overlap.get(j, 0) + 1
                else:
                    overlap[j] = -1
        for j in sorted(j for j, n in overlap.items() if n > 0):
            other, block = self._kept[j]
            inter = len(tokens & other)
            if inter / (size + len(other) - inter) >= t:
                return block
        return None

    def add(self, tokens: frozenset[str], block: Block) -> None:
        index = len(self._kept)
        self._kept.append((tokens, block))
        for position, token in enumerate(self._prefix(tokens) if tokens else ()):
            self._postings.setdefault(token, []).append((index, position))

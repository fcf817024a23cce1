"""Decide, paragraph by paragraph, what is body, what is boilerplate and what is metadata."""

from __future__ import annotations

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
    for i, block in enumerate(blocks):
        if block.action != "body" or block.words > MAX_SUBHEADING_WORDS:
            continue
        if block.text.rstrip(_QUOTES).endswith((".", "!", "?", ":", ";", ",")):
            continue
        following = [b for b in blocks[i + 1 :] if b.action == "body"]
        if following and following[0].words > MAX_SUBHEADING_WORDS:
            block.action, block.reason = "meta", "subheading"


def mark_repeats(blocks: list[Block], near_jaccard: float, min_words: int) -> None:
    """Paragraphs printed again, verbatim or nearly, are removed; the first copy stays."""
    seen: dict[str, Block] = {}
    kept: list[tuple[frozenset[str], Block]] = []
    for block in blocks:
        if block.action == "remove":
            continue
        key = normalise(block.text)
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
        match = _near(tokens, kept, near_jaccard)
        if match is not None:
            block.action, block.reason = "remove", "near_repeat"
            block.detail = f"near repeat of raw {match.para.start}-{match.para.end}"
            continue
        kept.append((tokens, block))


def _near(
    tokens: frozenset[str], kept: list[tuple[frozenset[str], Block]], threshold: float
) -> Block | None:
    size = len(tokens)
    for other, block in kept:
        if not size or not (threshold * size <= len(other) <= size / threshold):
            continue
        inter = len(tokens & other)
        if inter / (size + len(other) - inter) >= threshold:
            return block
    return None

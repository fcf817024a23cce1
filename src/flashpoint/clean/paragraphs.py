"""Split raw text into paragraphs made of line pieces, each with its raw span."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = tuple(".!?:;\"'”’)»…")
_LINE = re.compile(r"[^\n]*(?:\n|$)")


@dataclass(frozen=True)
class Piece:
    """A stripped, non-empty run of raw text ``[start, end)``."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    pieces: tuple[Piece, ...]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    def text(self, raw: str) -> str:
        return " ".join(raw[p.start : p.end] for p in self.pieces)


def _lines(raw: str) -> list[tuple[int, int, bool]]:
    """Non-empty stripped lines as (start, end, indented); blank lines as (-1, -1, False)."""
    out = []
    for m in _LINE.finditer(raw):
        line = m.group(0).rstrip("\r\n")
        if not line.strip():
            if m.group(0):
                out.append((-1, -1, False))
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        out.append((m.start() + lead, m.start() + len(line) - trail, lead > 0))
    return out


def is_hard_wrapped(raw: str, lines: list[tuple[int, int, bool]]) -> bool:
    """Text wrapped at a fixed width (wire copy): lines of near-equal width, mostly unterminated."""
    lengths = [e - s for s, e, _ in lines if s >= 0]
    if len(lengths) < 4 or max(lengths) > 100:
        return False
    width = max(lengths)
    full = sum(1 for n in lengths if n >= 0.7 * width)
    open_ended = sum(1 for s, e, _ in lines if s >= 0 and not raw[s:e].endswith(_TERMINAL))
    return full / len(lengths) >= 0.6 and open_ended / len(lengths) >= 0.5


def split_paragraphs(raw: str) -> list[Paragraph]:
    """One paragraph per line, or for hard-wrapped text per block of lines.

    In hard-wrapped text a paragraph ends at a blank line or before an indented line.
    """
    lines = _lines(raw)
    if not is_hard_wrapped(raw, lines):
        return [Paragraph((Piece(s, e),)) for s, e, _ in lines if s >= 0]
    paragraphs: list[Paragraph] = []
    current: list[Piece] = []
    for start, end, indented in lines:
        if start < 0 or (indented and current):
            if current:
                paragraphs.append(Paragraph(tuple(current)))
            current = []
        if start >= 0:
            current.append(Piece(start, end))
    if current:
        paragraphs.append(Paragraph(tuple(current)))
    return paragraphs

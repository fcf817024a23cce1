"""Things with a range of days, found by the days they meet, and which windows were read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

__all__ = ["SPAN_BOUNDS", "DayBuckets", "ReadDays", "span_class"]

T = TypeVar("T")
SPAN_BOUNDS = (0, 7, 31, 366)  # days from start to end of each span class; the last: longer


def span_class(first: int, last: int) -> int:
    span = last - first
    for i, bound in enumerate(SPAN_BOUNDS):
        if span <= bound:
            return i
    return len(SPAN_BOUNDS)


class DayBuckets(Generic[T]):
    """Items filed by span class and first day (ordinals), so the items meeting a window are
    found by looking at the first days each class allows, not at every item."""

    def __init__(self) -> None:
        self._by_class: list[dict[int, list[tuple[int, T]]]] = [{} for _ in SPAN_BOUNDS]
        self._longer: list[tuple[int, int, T]] = []

    def add(self, first: int, last: int, item: T) -> None:
        span = span_class(first, last)
        if span == len(SPAN_BOUNDS):
            self._longer.append((first, last, item))
        else:
            self._by_class[span].setdefault(first, []).append((last, item))

    def overlapping(self, first: int, last: int) -> Iterator[T]:
        for bound, bucket in zip(SPAN_BOUNDS, self._by_class, strict=True):
            if not bucket:
                continue
            for day in range(first - bound, last + 1):
                for end, item in bucket.get(day, ()):
                    if end >= first:
                        yield item
        for a, b, item in self._longer:
            if a <= last and b >= first:
                yield item


class ReadDays:
    """Which windows of days were read."""

    def __init__(self) -> None:
        self._read: list[tuple[int, int]] = []  # disjoint, sorted

    def missing(self, first: int, last: int, mark: bool = True) -> list[tuple[int, int]]:
        """The parts of [first, last] not read yet; ``mark``: from now on they count as read."""
        gaps, at = [], first
        for a, b in self._read:
            if b < at or a > last:
                continue
            if a > at:
                gaps.append((at, a - 1))
            at = max(at, b + 1)
        if at <= last:
            gaps.append((at, last))
        if gaps and mark:
            self._read = _union([*self._read, (first, last)])
        return gaps


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out = [spans[0]]
    for a, b in spans[1:]:
        if a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out

"""The part of the duplicate index held in memory: the articles checked, and the links changed,
since the last write. Everything else is answered by the store, so this stays the size of one
batch however large the store grows (without a store, it holds every article)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from flashpoint.dedup.signature import band_keys

__all__ = ["Entry", "HeldIndex"]


class Entry(NamedTuple):
    """What the groups need of an article: a group is an original and the articles whose
    ``duplicate_of`` names it (as ``articles.duplicate_of`` stores it)."""

    content_hash: str
    published: str | None
    duplicate_of: str | None  # None: the group's original


class HeldIndex:
    """Entries, signatures, content hashes and LSH bands not yet written to the store; an
    entry held here stands over the store's (its link changed since the last write)."""

    def __init__(self, bands: int, rows: int):
        self.bands, self.rows = bands, rows
        self._entries: dict[str, Entry] = {}
        self._linked: dict[str, set[str]] = {}  # original -> ids held as its duplicates
        self._signatures: dict[str, np.ndarray | None] = {}  # checked articles only
        self._by_hash: dict[str, list[str]] = {}
        self._bands: dict[tuple[int, int], list[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, article_id: str) -> Entry | None:
        return self._entries.get(article_id)

    def link(self, article_id: str, entry: Entry) -> None:
        """Hold an article's entry: new, or with a changed link."""
        old = self._entries.get(article_id)
        if old is not None and old.duplicate_of is not None:
            self._linked[old.duplicate_of].discard(article_id)
        self._entries[article_id] = entry
        if entry.duplicate_of is not None:
            self._linked.setdefault(entry.duplicate_of, set()).add(article_id)

    def hold(
        self, article_id: str, entry: Entry, values: np.ndarray | None, indexed: bool
    ) -> tuple[tuple[int, int], ...]:
        """A checked article: its entry and signature and, when ``indexed`` (the first of its
        content hash: exact copies share one entry), its LSH bands, which it returns."""
        self.link(article_id, entry)
        self._by_hash.setdefault(entry.content_hash, []).append(article_id)
        self._signatures[article_id] = values
        if values is None or not indexed:
            return ()
        keys = band_keys(values, self.bands, self.rows)
        for key in keys:
            self._bands.setdefault(key, []).append(article_id)
        return keys

    def duplicates_of(self, original: str) -> list[str]:
        """Held articles whose link names ``original``."""
        return sorted(self._linked.get(original, ()))

    def has_signature(self, article_id: str) -> bool:
        return article_id in self._signatures

    def signature(self, article_id: str) -> np.ndarray | None:
        return self._signatures.get(article_id)

    def ids_with_hash(self, chash: str) -> list[str]:
        return list(self._by_hash.get(chash, ()))

    def lsh_candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        return {i for key in keys for i in self._bands.get(key, ())}

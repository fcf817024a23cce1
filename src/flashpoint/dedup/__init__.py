"""Dedup: is this article a copy of another? Exact (hash) or near (MinHash LSH).

Public entry: :class:`DuplicateIndex`. The index covers every article seen, so a new batch is
checked against everything ingested before (incremental). With a store, everything written is
looked up on disk by indexed queries (LSH bands, signatures, content hashes, groups); only the
articles checked since the last write are held in memory (:mod:`flashpoint.dedup.held`).

Copies form groups: the connected parts of the "is a copy of" relation (same content hash,
or MinHash Jaccard at or above the threshold). That relation does not depend on the order
articles arrive, and neither does the group's original: the earliest published member, then
the smallest id (:func:`original_key`). Every other member links to the original
(``duplicate_of``), so a group is its original and the articles that name it. When a newcomer
joins or bridges groups and becomes the original, the members whose link changed are reported
by :meth:`DuplicateIndex.changes` so the caller can update them (and drop the mentions of a
demoted original).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from datasketch import MinHash

from flashpoint.dedup.held import Entry, HeldIndex
from flashpoint.dedup.signature import (
    Signed,
    band_keys,
    band_layout,
    content_hash,
    minhash_values,
    sign,
)

__all__ = [
    "DuplicateIndex",
    "Regroup",
    "Signed",
    "StoredIndex",
    "Verdict",
    "band_keys",
    "band_layout",
    "content_hash",
    "original_key",
    "sign",
]


def original_key(article_id: str, published: str | None) -> tuple[bool, str, str]:
    """Sort key of a group's members; the smallest is the original. Undated articles last."""
    return (published is None, published or "", article_id)


@dataclass(frozen=True)
class Verdict:
    content_hash: str
    signature: bytes | None = None  # MinHash hash values, stored for later batches
    duplicate_of: str | None = None  # None: an original
    kind: str | None = None  # exact | near | None
    score: float = 0.0  # estimated Jaccard with duplicate_of (1.0 for exact)
    # (band, key) rows this article adds to the LSH index; empty when an exact copy holds them
    lsh_keys: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Regroup:
    """An article seen before whose link changed: its new original (``None``: it is one)."""

    article_id: str
    duplicate_of: str | None
    kind: str | None
    score: float | None
    was_original: bool  # an original demoted to a duplicate: its mentions must go


class StoredIndex(Protocol):
    """The index of the articles already written, on disk (the store): each lookup is an
    indexed query, so the index never has to be held in memory."""

    def lsh_candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Ids of stored articles sharing at least one (band, key) with ``keys``."""
        ...

    def signature_of(self, article_id: str) -> bytes | None: ...

    def ids_with_hash(self, chash: str) -> list[str]: ...

    def dedup_entry(self, article_id: str) -> tuple[str, str | None, str | None] | None:
        """(content_hash, published, duplicate_of) of a stored article."""
        ...

    def duplicates_of(self, original: str) -> Iterable[tuple[str, str, str | None]]:
        """(id, content_hash, published) of the stored articles linked to ``original``."""
        ...


class DuplicateIndex:
    """Exact and near-duplicate groups over every article seen so far.

    With ``stored`` (the store), what was written is looked up on disk; only the articles
    checked since the last :meth:`flushed` are held here. Without it, everything is held here
    (seeded with :meth:`add`)."""

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = 128,
        shingle_words: int = 3,
        min_shingles: int = 8,
        stored: StoredIndex | None = None,
    ):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_shingles = min_shingles
        self.bands, self.rows = band_layout(threshold, num_perm)
        self._stored = stored
        self._held = HeldIndex(self.bands, self.rows)
        self._changes: dict[str, Regroup] = {}

    @property
    def layout(self) -> str:
        """What the stored LSH rows depend on; rows of another layout must be rebuilt."""
        return f"minhash-lsh num_perm={self.num_perm} bands={self.bands} rows={self.rows}"

    @property
    def held(self) -> int:
        """Articles held in memory: checked or relinked since the last write (with a store)."""
        return len(self._held)

    def signature(self, text: str) -> MinHash | None:
        return minhash_values(text, self.num_perm, self.shingle_words, self.min_shingles)

    def sign(self, text: str) -> Signed:
        return sign(text, self.num_perm, self.shingle_words, self.min_shingles)

    def band_keys(self, signature: bytes) -> tuple[tuple[int, int], ...]:
        return band_keys(np.frombuffer(signature, dtype=np.uint64), self.bands, self.rows)

    def flushed(self) -> None:
        """The articles checked and the links changed so far are written: forget them (the
        store answers for them now)."""
        if self._stored is not None:
            self._held = HeldIndex(self.bands, self.rows)

    def add(
        self,
        article_id: str,
        chash: str,
        signature: bytes | None = None,
        published: str | None = None,
        duplicate_of: str | None = None,
    ) -> None:
        """Seed an index without a store with an article checked earlier and its link (its
        original may be added later). An index with a store reads these from it."""
        values = np.frombuffer(signature, dtype=np.uint64) if signature is not None else None
        indexed = not self._same_hash(chash, article_id)
        self._held.hold(article_id, Entry(chash, published, duplicate_of), values, indexed)

    # -- lookups: what is held, then what is stored -----------------------------------------

    def _entry(self, article_id: str) -> Entry | None:
        entry = self._held.entry(article_id)
        if entry is None and self._stored is not None:
            row = self._stored.dedup_entry(article_id)
            entry = Entry(*row) if row is not None else None
        return entry

    def _original(self, article_id: str) -> str:
        """The original of the article's group (the article itself when it is unknown)."""
        seen = {article_id}
        entry = self._entry(article_id)
        while entry is not None and entry.duplicate_of is not None:
            if entry.duplicate_of in seen:  # a cycle cannot be made here; stop, never spin
                break
            article_id = entry.duplicate_of
            seen.add(article_id)
            entry = self._entry(article_id)
        return article_id

    def _members(self, original: str) -> dict[str, Entry]:
        """The group led by ``original``: it and the articles linked to it, held over stored."""
        found: dict[str, Entry] = {}
        for member in (original, *self._held.duplicates_of(original)):
            entry = self._entry(member)
            if entry is not None:
                found[member] = entry
        if self._stored is not None:
            for member, chash, published in self._stored.duplicates_of(original):
                if self._held.entry(member) is None:  # a held entry is newer than the store's
                    found[member] = Entry(chash, published, original)
        return found

    def _same_hash(self, chash: str, article_id: str) -> list[str]:
        """Other articles with this content hash: held here, then stored."""
        ids = self._held.ids_with_hash(chash)
        if self._stored is not None:
            ids += [i for i in self._stored.ids_with_hash(chash) if i not in ids]
        return [i for i in ids if i != article_id]

    def _candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        found = self._held.lsh_candidates(keys)
        if self._stored is not None:
            found |= self._stored.lsh_candidates(keys)
        return found

    def _signature(self, article_id: str) -> np.ndarray | None:
        if self._held.has_signature(article_id) or self._stored is None:
            return self._held.signature(article_id)
        raw = self._stored.signature_of(article_id)
        return np.frombuffer(raw, dtype=np.uint64) if raw is not None else None

    # -- checking a new article ------------------------------------------------------------

    def check(
        self,
        article_id: str,
        text: str,
        published: str | None = None,
        signed: Signed | None = None,
    ) -> Verdict:
        """Verdict for a new article: its group's original (``None`` if it is the original).
        Earlier articles whose link changed are queued for :meth:`changes`. ``signed``: the
        text's signature computed elsewhere (a worker); computed here when not given."""
        signed = signed or self.sign(text)
        chash, sig = signed.content_hash, signed.signature
        values = np.frombuffer(sig, dtype=np.uint64) if sig is not None else None
        same = self._same_hash(chash, article_id)
        own = self._original(article_id)  # itself, unless checked before
        groups = {self._original(same[0])} - {own} if same else set()
        if values is not None:
            probe = band_keys(values, self.bands, self.rows)
            for candidate in sorted(self._candidates(probe)):  # one edge into a group is enough
                root = self._original(candidate)
                if root != own and root not in groups and self._is_near(candidate, values):
                    groups.add(root)
        entry = Entry(chash, published, None)
        keys = self._held.hold(article_id, entry, values, indexed=not same)
        original = self._join(article_id, groups)
        if original == article_id:
            return Verdict(chash, sig, None, None, 0.0, keys)
        self._held.link(article_id, entry._replace(duplicate_of=original))
        kind, score = self._link(article_id, original)
        return Verdict(chash, sig, original, kind, score, keys)

    def changes(self) -> list[Regroup]:
        """Links changed since the last call, one per article, in a stable order."""
        out = [self._changes[k] for k in sorted(self._changes)]
        self._changes = {}
        return out

    def _is_near(self, candidate: str, values: np.ndarray | None) -> bool:
        other = self._signature(candidate)
        if values is None or other is None:
            return False
        return float(np.mean(other == values)) >= self.threshold

    def _link(self, article_id: str, original: str) -> tuple[str, float]:
        """Kind and score of a member's link to its group's original."""
        mine, theirs = self._entry(article_id), self._entry(original)
        if mine is not None and theirs is not None and mine.content_hash == theirs.content_hash:
            return "exact", 1.0
        ours, other = self._signature(article_id), self._signature(original)
        if ours is None or other is None:
            return "near", 0.0  # joined through other members only
        return "near", float(np.mean(ours == other))

    def _key(self, article_id: str) -> tuple[bool, str, str]:
        entry = self._entry(article_id)
        return original_key(article_id, entry.published if entry is not None else None)

    def _join(self, article_id: str, groups: set[str]) -> str:
        """Merge the article with ``groups`` (their originals); the members of a group whose
        original changes are relinked and queued for :meth:`changes`. Returns the original."""
        known = [root for root in groups if self._entry(root) is not None]
        original = min([article_id, *known], key=self._key)
        for root in sorted(groups - {original}):
            for member, entry in self._members(root).items():
                if entry.duplicate_of != original:
                    self._relink(member, entry, original)
        return original

    def _relink(self, member: str, entry: Entry, original: str) -> None:
        self._held.link(member, entry._replace(duplicate_of=original))
        kind, score = self._link(member, original)
        was_original = entry.duplicate_of is None
        self._changes[member] = Regroup(member, original, kind, score, was_original)

"""Dedup: is this article a copy of another? Exact (hash) or near (MinHash LSH).

Public entry: :class:`DuplicateIndex`. The index holds every article seen, seeded from the
store, so a new batch is checked against everything ingested before (incremental).

Copies form groups: the connected parts of the "is a copy of" relation (same content hash,
or MinHash Jaccard at or above the threshold). That relation does not depend on the order
articles arrive, and neither does the group's original: the earliest published member, then
the smallest id (:func:`original_key`). When a newcomer joins or bridges groups and becomes
the original, the members whose link changed are reported by :meth:`DuplicateIndex.changes`
so the caller can update them (and drop the mentions of a demoted original).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

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

_WORD = re.compile(r"\w+")
_SEED = 1  # seed and scheme fixed so signatures stored in the database stay comparable
_SCHEME = "affine32"


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """Hash of the normalised text: case, punctuation and spacing do not matter."""
    return hashlib.sha256(" ".join(_tokens(text)).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Signed:
    """What dedup needs of an article's text: its content hash and MinHash values (``None``
    when the text has too few shingles). Computed anywhere (a worker), checked in one place."""

    content_hash: str
    signature: bytes | None


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)


def minhash_values(
    text: str, num_perm: int, shingle_words: int, min_shingles: int
) -> MinHash | None:
    """The MinHash of the text's word shingles; ``None`` below ``min_shingles`` shingles."""
    tokens = _tokens(text)
    k = shingle_words
    shingles = {" ".join(tokens[i : i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)}
    if len(shingles) < min_shingles:
        return None
    mh = _template(num_perm).copy()
    mh.update_batch(list(shingles))
    return mh


def sign(text: str, num_perm: int = 128, shingle_words: int = 3, min_shingles: int = 8) -> Signed:
    """The dedup signature of a text: a pure function, so it can run in any worker."""
    mh = minhash_values(text, num_perm, shingle_words, min_shingles)
    values = mh.hashvalues.astype(np.uint64).tobytes() if mh is not None else None
    return Signed(content_hash(text), values)


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


@lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of the LSH index, as datasketch chooses them for the threshold.
    LSH only proposes candidates; very high thresholds leave too few bands, so it is capped."""
    lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(values: np.ndarray, bands: int, rows: int) -> tuple[tuple[int, int], ...]:
    """(band, key) of each band of a signature: key is a 64-bit hash of the band's values."""
    out = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return tuple(out)


@dataclass
class _Member:
    chash: str
    published: str | None
    duplicate_of: str | None = None


class DuplicateIndex:
    """Exact and near-duplicate groups over every article seen so far.

    With ``stored`` (the store), the LSH bands, signatures and content hashes of written
    articles are looked up on disk; only the articles checked since the last
    :meth:`flushed` are held here. Without it, everything is held here."""

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
        self._stored = stored
        self._members: dict[str, _Member] = {}
        self._parent: dict[str, str] = {}  # union-find over article ids
        self._groups: dict[str, list[str]] = {}  # root -> members
        self._changes: dict[str, Regroup] = {}
        self._original: dict[str, str] = {}  # group root -> the group's original
        # not yet on disk: LSH bands, signatures, ids by content hash
        self._bands: dict[tuple[int, int], list[str]] = {}
        self._signatures: dict[str, np.ndarray | None] = {}
        self._by_hash: dict[str, list[str]] = {}
        self.bands, self.rows = band_layout(threshold, num_perm)

    @property
    def layout(self) -> str:
        """What the stored LSH rows depend on; rows of another layout must be rebuilt."""
        return f"minhash-lsh num_perm={self.num_perm} bands={self.bands} rows={self.rows}"

    def __len__(self) -> int:
        return len(self._members)

    def signature(self, text: str) -> MinHash | None:
        return minhash_values(text, self.num_perm, self.shingle_words, self.min_shingles)

    def sign(self, text: str) -> Signed:
        return sign(text, self.num_perm, self.shingle_words, self.min_shingles)

    def band_keys(self, signature: bytes) -> tuple[tuple[int, int], ...]:
        return band_keys(np.frombuffer(signature, dtype=np.uint64), self.bands, self.rows)

    def flushed(self) -> None:
        """The articles checked so far are written: forget what the store now answers."""
        if self._stored is not None:
            self._bands, self._signatures, self._by_hash = {}, {}, {}

    # -- seeding from the store ------------------------------------------------------------

    def add(
        self,
        article_id: str,
        chash: str,
        signature: bytes | None = None,
        published: str | None = None,
        duplicate_of: str | None = None,
    ) -> None:
        """Register an article stored earlier, with the group link stored for it. With a
        store, its signature and bands are on disk already and are not needed here."""
        self._register(article_id, chash, published, duplicate_of)
        if self._stored is None:
            values = np.frombuffer(signature, dtype=np.uint64) if signature is not None else None
            self._hold(article_id, chash, values)
        if duplicate_of is not None:
            if duplicate_of not in self._members:  # its original may come later in the seed
                self._parent.setdefault(duplicate_of, duplicate_of)
                self._groups.setdefault(duplicate_of, [])
            self._union(article_id, duplicate_of)

    def _hold(
        self, article_id: str, chash: str, values: np.ndarray | None
    ) -> tuple[tuple[int, int], ...]:
        """Keep an article's hash and signature until written; the first of its content
        hash also enters the LSH index (exact copies share one entry). Returns its bands."""
        first = not self._same_hash(chash, article_id)
        self._by_hash.setdefault(chash, []).append(article_id)
        self._signatures[article_id] = values
        if values is None or not first:
            return ()
        keys = band_keys(values, self.bands, self.rows)
        for key in keys:
            self._bands.setdefault(key, []).append(article_id)
        return keys

    def _same_hash(self, chash: str, article_id: str) -> list[str]:
        """Other articles with this content hash: held here, then stored."""
        ids = list(self._by_hash.get(chash, []))
        if self._stored is not None:
            ids += [i for i in self._stored.ids_with_hash(chash) if i not in ids]
        return [i for i in ids if i != article_id]

    def _candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        found = {i for key in keys for i in self._bands.get(key, [])}
        if self._stored is not None:
            found |= self._stored.lsh_candidates(keys)
        return found

    def _signature(self, article_id: str) -> np.ndarray | None:
        if article_id in self._signatures:
            return self._signatures[article_id]
        if self._stored is None:
            return None
        raw = self._stored.signature_of(article_id)
        return np.frombuffer(raw, dtype=np.uint64) if raw is not None else None

    def _register(
        self,
        article_id: str,
        chash: str,
        published: str | None,
        duplicate_of: str | None,
    ) -> None:
        self._members[article_id] = _Member(chash, published, duplicate_of)
        if article_id not in self._parent:
            self._parent[article_id] = article_id
            self._groups[article_id] = [article_id]
        else:  # named as an original before it was seeded
            root = self._find(article_id)
            self._groups[root].append(article_id)
            self._original.pop(root, None)

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
        if article_id not in self._members:
            self._register(article_id, chash, published, None)
        own = self._find(article_id)
        groups = {self._find(same[0])} - {own} if same else set()
        keys: tuple[tuple[int, int], ...] = ()
        if values is not None:
            probe = band_keys(values, self.bands, self.rows)
            for candidate in sorted(self._candidates(probe)):  # one edge into a group is enough
                root = self._find(candidate)
                if root != own and root not in groups and self._is_near(candidate, values):
                    groups.add(root)
        keys = self._hold(article_id, chash, values)
        original = self._join(article_id, groups)
        if original == article_id:
            return Verdict(chash, sig, None, None, 0.0, keys)
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
        mine, theirs = self._members[article_id], self._members[original]
        if mine.chash == theirs.chash:
            return "exact", 1.0
        ours, other = self._signature(article_id), self._signature(original)
        if ours is None or other is None:
            return "near", 0.0  # joined through other members only
        return "near", float(np.mean(ours == other))

    def _key(self, article_id: str) -> tuple[bool, str, str]:
        return original_key(article_id, self._members[article_id].published)

    def _original_of(self, root: str) -> str | None:
        """The group's original (cached per root)."""
        if root not in self._original:
            members = [m for m in self._groups[root] if m in self._members]
            if not members:
                return None
            self._original[root] = min(members, key=self._key)
        return self._original[root]

    def _join(self, article_id: str, groups: set[str]) -> str:
        """Merge the article with ``groups`` (roots); members of a group whose original
        changes are relinked and queued for :meth:`changes`. Returns the new original."""
        originals = {root: self._original_of(root) for root in groups}
        known = [o for o in originals.values() if o is not None]
        original = min([article_id, *known], key=self._key)
        self._members[article_id].duplicate_of = None if original == article_id else original
        for root, old in originals.items():
            if old == original:
                continue  # this group keeps its original: its links stand
            for member in self._groups[root]:
                entry = self._members.get(member)
                if entry is None or entry.duplicate_of == original:
                    continue
                was_original = entry.duplicate_of is None
                entry.duplicate_of = original
                kind, score = self._link(member, original)
                self._changes[member] = Regroup(member, original, kind, score, was_original)
        for root in groups:
            self._union(article_id, root)
        self._original[self._find(article_id)] = original
        return original

    def _find(self, article_id: str) -> str:
        root = article_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[article_id] != root:  # path compression
            self._parent[article_id], article_id = root, self._parent[article_id]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._groups[ra]) < len(self._groups[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._groups[ra].extend(self._groups.pop(rb))
        first, second = self._original.pop(ra, None), self._original.pop(rb, None)
        if first is not None and second is not None:
            self._original[ra] = min(first, second, key=self._key)

"""Dedup: is this article a copy of one already seen? Exact (hash) or near (MinHash LSH).

Public entry: :class:`DuplicateIndex`. The index is seeded from the store so a new batch is
checked against everything ingested before (incremental).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["DuplicateIndex", "Verdict", "content_hash"]

_WORD = re.compile(r"\w+")
_SEED = 1  # seed and scheme fixed so signatures stored in the database stay comparable
_SCHEME = "affine32"


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """Hash of the normalised text: case, punctuation and spacing do not matter."""
    return hashlib.sha256(" ".join(_tokens(text)).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Verdict:
    content_hash: str
    signature: bytes | None  # MinHash hash values, stored for later batches
    duplicate_of: str | None
    kind: str | None  # exact | near | None
    score: float  # estimated Jaccard with duplicate_of (1.0 for exact)


class DuplicateIndex:
    """Exact and near-duplicate lookup over every original article seen so far."""

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = 128,
        shingle_words: int = 3,
        min_shingles: int = 8,
    ):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_shingles = min_shingles
        self._hashes: dict[str, str] = {}
        self._signatures: dict[str, np.ndarray] = {}
        # LSH only proposes candidates; very high thresholds leave too few bands, so cap it.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)

    def __len__(self) -> int:
        return len(self._hashes)

    def signature(self, text: str) -> MinHash | None:
        tokens = _tokens(text)
        k = self.shingle_words
        shingles = {" ".join(tokens[i : i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)}
        if len(shingles) < self.min_shingles:
            return None
        mh = self._template.copy()
        mh.update_batch(list(shingles))
        return mh

    def add(
        self, article_id: str, chash: str, signature: bytes | None, mh: MinHash | None = None
    ) -> None:
        """Register an original article (from this run or from the store)."""
        self._hashes.setdefault(chash, article_id)
        if signature is not None and article_id not in self._signatures:
            values = np.frombuffer(signature, dtype=np.uint64)
            self._signatures[article_id] = values
            if mh is None:  # reuse the template's permutations: regenerating them is slow
                mh = MinHash(
                    num_perm=self.num_perm,
                    seed=_SEED,
                    hashvalues=values,
                    scheme=_SCHEME,
                    permutations=self._template.permutations,
                )
            self._lsh.insert(article_id, mh)

    def check(self, article_id: str, text: str) -> Verdict:
        """Verdict for a new article; originals are added to the index."""
        chash = content_hash(text)
        exact = self._hashes.get(chash)
        if exact is not None and exact != article_id:
            return Verdict(chash, None, exact, "exact", 1.0)
        mh = self.signature(text)
        sig = mh.hashvalues.astype(np.uint64).tobytes() if mh is not None else None
        if mh is not None:
            best = self._best_near(article_id, mh)
            if best is not None:
                return Verdict(chash, sig, best[0], "near", best[1])
        self.add(article_id, chash, sig, mh)
        return Verdict(chash, sig, None, None, 0.0)

    def _best_near(self, article_id: str, mh: MinHash) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(mh):
            if candidate == article_id:
                continue
            score = float(np.mean(self._signatures[candidate] == mh.hashvalues))
            if score >= self.threshold and (best is None or score > best[1]):
                best = (candidate, score)
        return best

"""What dedup computes from a text: its content hash, MinHash signature and LSH band keys.
Pure functions, so they run in any worker (or a Ray actor)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["Signed", "band_keys", "band_layout", "content_hash", "minhash_values", "sign"]

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

"""Near-duplicate detection: exact copies by hash, light rewrites by MinHash LSH (datasketch).

An article's fingerprint is the MinHash of its body's word :data:`SHINGLE`-grams.  LSH proposes
earlier articles whose estimated Jaccard similarity may reach :data:`JACCARD`; each proposal is
checked on the estimate itself, and the earliest passing article (in arrival order) is the
original.  Only "hot" articles are indexed: :meth:`DuplicateIndex.remove` is called when their
story goes cold, so memory stays flat over a long stream.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from typing import Any

import numpy as np

#: Words per shingle.
SHINGLE = 4
#: Permutations per MinHash (64: ~0.06 standard error on the Jaccard estimate).
NUM_PERM = 64
#: Estimated Jaccard similarity of shingle sets at or above which two bodies are near-duplicates.
#: 0.5, not higher: a lightly edited syndicated copy (new lead, a sentence cut) of the bundled
#: example scores 0.57, while independent reports of one event stay far below (4-word shingles).
JACCARD = 0.5
#: datasketch's permutation scheme (fixed: saved fingerprints must keep matching new ones).
SCHEME = "affine32"
#: Bodies with fewer words than this are only compared exactly (shingles say little).
MIN_WORDS = 12


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    perms: tuple[np.ndarray, np.ndarray] = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
    return perms


def exact_key(words: tuple[str, ...]) -> str:
    """A hash of the body's words: equal for copies that differ only in spacing/punctuation/case."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def fingerprint(words: tuple[str, ...]) -> np.ndarray | None:
    """MinHash values of the body's shingles (None for bodies under :data:`MIN_WORDS` words)."""
    if len(words) < MIN_WORDS:
        return None
    from datasketch import MinHash

    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    # crc32: a deterministic 32-bit hash in C, ~6x faster than datasketch's default sha1.
    mh = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME, hashfunc=zlib.crc32)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    values: np.ndarray = mh.hashvalues
    return values


@functools.cache
def _bands() -> tuple[int, int]:
    """datasketch's choice of (bands, rows per band) for :data:`JACCARD` and :data:`NUM_PERM`."""
    from datasketch import MinHashLSH

    lsh: Any = MinHashLSH(threshold=JACCARD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(values: np.ndarray) -> list[bytes]:
    """The LSH band keys of MinHash ``values``: the bytes of each band's rows.  Two fingerprints
    are LSH candidates when they share a key, exactly as in datasketch's ``MinHashLSH`` with the
    same bands (its keys are the same bytes, byte-swapped), without building MinHash objects."""
    b, r = _bands()
    raw = np.ascontiguousarray(values, dtype=np.uint64).tobytes()
    step = r * 8
    return [raw[i * step : (i + 1) * step] for i in range(b)]


class DuplicateIndex:
    """Exact-hash and MinHash-LSH lookups over the hot articles."""

    def __init__(self) -> None:
        # One table per band: band key -> the articles whose fingerprints have it.
        self._tables: list[dict[bytes, set[str]]] = [{} for _ in range(_bands()[0])]
        self._exact: dict[str, str] = {}  # exact key -> article id
        self._keys: dict[str, tuple[str, np.ndarray | None]] = {}  # article id -> (key, minhash)
        self._order: dict[str, int] = {}  # article id -> arrival number (earliest wins)

    def find(
        self, key: str, values: np.ndarray | None
    ) -> tuple[str | None, str, np.ndarray | None]:
        """``(original id or None, key, values)`` for a new article's :func:`exact_key` and
        :func:`fingerprint`."""
        if key in self._exact:
            return self._exact[key], key, None
        if values is None:
            return None, key, None
        candidates: set[str] = set()
        for table, band in zip(self._tables, band_keys(values), strict=True):
            hit = table.get(band)
            if hit:
                candidates |= hit
        best: str | None = None
        for other in candidates:
            other_values = self._keys[other][1]
            if other_values is None:
                continue
            jaccard = float(np.count_nonzero(values == other_values)) / NUM_PERM
            if jaccard >= JACCARD and (best is None or self._order[other] < self._order[best]):
                best = other
        return best, key, values

    def add(self, article_id: str, key: str, values: np.ndarray | None, order: int) -> None:
        """Index an article (``key``/``values`` as returned by :meth:`find`)."""
        self._exact.setdefault(key, article_id)
        self._keys[article_id] = (key, values)
        self._order[article_id] = order
        if values is not None:
            for table, band in zip(self._tables, band_keys(values), strict=True):
                table.setdefault(band, set()).add(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article (its story went cold)."""
        entry = self._keys.pop(article_id, None)
        if entry is None:
            return
        key, values = entry
        if self._exact.get(key) == article_id:
            del self._exact[key]
        self._order.pop(article_id, None)
        if values is not None:
            for table, band in zip(self._tables, band_keys(values), strict=True):
                hit = table.get(band)
                if hit is not None:
                    hit.discard(article_id)
                    if not hit:
                        del table[band]

    def entries(self) -> list[tuple[str, str, list[int] | None, int]]:
        """The indexed articles as plain data (for saving state), in arrival order."""
        return sorted(
            ((a, k, None if v is None else [int(x) for x in v], self._order[a])
             for a, (k, v) in self._keys.items()),
            key=lambda e: e[3],
        )

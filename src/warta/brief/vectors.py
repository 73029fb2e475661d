"""TF-IDF vectors shared by grouping and summarization (pure Python sparse dicts)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

SparseVec = dict[str, float]


def idf_table(documents: Iterable[Iterable[str]]) -> tuple[dict[str, float], int]:
    """Smoothed IDF (as scikit-learn's ``smooth_idf``) for every term, and the document count."""
    df: Counter[str] = Counter()
    n = 0
    for terms in documents:
        n += 1
        df.update(set(terms))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}, n


def tfidf(terms: Iterable[str], idf: dict[str, float], default_idf: float) -> SparseVec:
    """L2-normalised sublinear TF-IDF vector of ``terms`` (unknown terms get ``default_idf``)."""
    counts = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in counts.items()}
    return normalize(vec)


def normalize(vec: SparseVec) -> SparseVec:
    """``vec`` scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


def cosine(a: SparseVec, b: SparseVec) -> float:
    """Dot product of two unit vectors (iterates the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def add_into(acc: SparseVec, vec: SparseVec, weight: float = 1.0) -> None:
    """``acc += weight * vec`` in place."""
    for t, v in vec.items():
        acc[t] = acc.get(t, 0.0) + weight * v


def top_terms(vec: SparseVec, k: int) -> list[str]:
    """The ``k`` heaviest terms, ties broken by the term itself (deterministic)."""
    return [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]

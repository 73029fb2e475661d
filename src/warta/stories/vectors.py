"""Sparse TF-IDF vectors and centroids, shared by the story level and the topic level.

A centroid is the sum of its members' unit vectors, one per field, kept with its squared norm so
that a cosine against it costs one sparse dot product.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from math import fsum, sqrt
from operator import mul

SparseVec = dict[str, float]


def dot(vec: SparseVec, other: SparseVec) -> float:
    """Sparse dot product over the shared terms only (the key intersection and the products run
    in C).  ``math.fsum`` is exactly rounded, so the result does not depend on the (hash-seeded)
    order of the intersection: deterministic across processes."""
    shared = vec.keys() & other.keys()
    return fsum(map(mul, map(vec.__getitem__, shared), map(other.__getitem__, shared))) if shared else 0.0


def weighted_cosine(
    vecs: Mapping[str, SparseVec],
    centroid: Mapping[str, SparseVec],
    norm2: Mapping[str, float],
    weights: Mapping[str, float],
) -> float:
    """Weighted mean over ``weights``' fields of the cosine between a unit vector and a centroid,
    renormalised over the fields both sides have (0.0 when they share none)."""
    total, weight = 0.0, 0.0
    for f, w in weights.items():
        vec, cen = vecs.get(f), centroid.get(f)
        if not vec or not cen or not w:
            continue
        # dot() inlined: this is the innermost loop of both levels.
        shared = vec.keys() & cen.keys()
        if shared:
            products = map(mul, map(vec.__getitem__, shared), map(cen.__getitem__, shared))
            total += w * fsum(products) / sqrt(norm2[f])
        weight += w
    return total / weight if weight else 0.0


def accumulate(
    centroid: dict[str, SparseVec],
    norm2: dict[str, float],
    vecs: Mapping[str, SparseVec],
    fields: tuple[str, ...],
) -> None:
    """Add unit vectors ``vecs`` (``fields`` of them) to a centroid, keeping ``norm2`` exact."""
    for f in fields:
        vec = vecs.get(f)
        if not vec:
            continue
        cen = centroid.setdefault(f, {})
        norm2[f] = norm2.get(f, 0.0) + 2.0 * dot(vec, cen) + 1.0
        get = cen.get
        for t, v in vec.items():
            cen[t] = get(t, 0.0) + v


def prune(centroid: dict[str, SparseVec], norm2: dict[str, float], keep: int) -> None:
    """Once a field has twice ``keep`` terms, keep its ``keep`` heaviest (ties by term) and
    recompute its norm: bounds the memory of a centroid that keeps growing (a topic) at an
    amortised cost."""
    for f, cen in centroid.items():
        if len(cen) <= 2 * keep:
            continue
        kept = dict(heapq.nsmallest(keep, cen.items(), key=_heaviest))
        centroid[f] = kept
        norm2[f] = sum(v * v for v in kept.values())


def top_terms(vecs: Mapping[str, SparseVec], weights: Mapping[str, float], n: int) -> dict[str, float]:
    """The ``n`` terms with the most weighted mass over the fields (ties by term): an index query."""
    acc: dict[str, float] = {}
    get = acc.get
    for f, w in weights.items():
        vec = vecs.get(f)
        if vec:
            for t, v in vec.items():
                acc[t] = get(t, 0.0) + w * v
    return dict(heapq.nsmallest(n, acc.items(), key=_heaviest))


def _heaviest(kv: tuple[str, float]) -> tuple[float, str]:
    return (-kv[1], kv[0])

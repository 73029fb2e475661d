"""Clustering quality against gold clusters: BCubed precision/recall/F1 (Bagga & Baldwin 1998)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    """Item-averaged BCubed scores."""

    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """BCubed over the items of ``gold`` (item -> cluster label in each mapping).

    Items missing from ``predicted`` count as singletons.  An empty gold gives all zeros.
    """
    items = sorted(gold)
    if not items:
        return BCubed(0.0, 0.0, 0.0)
    pred = {i: predicted.get(i, "\0singleton:" + i) for i in items}
    pair: Counter[tuple[str, str]] = Counter((pred[i], gold[i]) for i in items)
    pred_size: Counter[str] = Counter(pred[i] for i in items)
    gold_size: Counter[str] = Counter(gold[i] for i in items)
    p = sum(pair[(pred[i], gold[i])] / pred_size[pred[i]] for i in items) / len(items)
    r = sum(pair[(pred[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return BCubed(p, r, f)

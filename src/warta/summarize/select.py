"""Redundancy-aware selection (MMR) under a budget of sentences and/or words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .candidates import Candidate

#: How hard the greedy selection penalises similarity to what is already chosen.
MMR_LAMBDA = 0.5


@dataclass(frozen=True)
class Budget:
    """Most sentences and (when set) most words of a summary."""

    sentences: int
    words: int | None = None


def select(
    cands: Sequence[Candidate],
    scores: np.ndarray,
    sim: np.ndarray,
    budget: Budget,
    redundancy_threshold: float,
) -> list[int]:
    """Indices of the chosen candidates, in the order chosen.

    Greedy MMR: at each step the candidate with the best ``score - MMR_LAMBDA * (similarity to
    the closest chosen one)`` is taken, unless it says what a chosen sentence says (similarity
    at or above ``redundancy_threshold``, or the same text) or would overrun the word budget;
    then it is dropped and the next is tried.  Ties go to the earlier candidate.
    """
    chosen: list[int] = []
    used_words = 0
    remaining = list(range(len(cands)))
    closest = np.zeros(len(cands))
    texts: set[str] = set()
    while remaining and len(chosen) < budget.sentences:
        gains = scores[remaining] - MMR_LAMBDA * closest[remaining]
        best = remaining.pop(int(np.argmax(gains)))  # argmax keeps the first of equal gains
        c = cands[best]
        if c.text in texts or (chosen and closest[best] >= redundancy_threshold):
            continue
        if budget.words is not None and used_words + c.words > budget.words:
            continue
        chosen.append(best)
        texts.add(c.text)
        used_words += c.words
        np.maximum(closest, sim[best], out=closest)
    return chosen

"""Redundancy-aware selection (MMR) under a budget of sentences and/or words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def greedy(
    cands: Sequence[Candidate],
    sim: np.ndarray,
    budget: Budget,
    redundancy_threshold: float,
    gains: Callable[[np.ndarray], np.ndarray],
    taken: Callable[[int], None] = lambda i: None,
) -> list[int]:
    """The greedy loop every selection shares; indices of the chosen candidates, in the order
    chosen.

    At each step the live candidate with the largest ``gains(closest)`` (``closest``: each
    candidate's similarity to the closest chosen one) is tried; it is dropped when it says what
    a chosen sentence says (similarity at or above ``redundancy_threshold``, or the same text)
    or would overrun the word budget, else chosen and ``taken(index)`` is called (to update the
    caller's state).  Ties go to the earlier candidate.
    """
    n = len(cands)
    chosen: list[int] = []
    used_words = 0
    alive = np.ones(n, dtype=bool)
    closest = np.zeros(n)
    texts: set[str] = set()
    while alive.any() and len(chosen) < budget.sentences:
        best = int(np.argmax(np.where(alive, gains(closest), -np.inf)))  # ties: the earlier
        alive[best] = False
        c = cands[best]
        if c.text in texts or (chosen and closest[best] >= redundancy_threshold):
            continue
        if budget.words is not None and used_words + c.words > budget.words:
            continue
        chosen.append(best)
        texts.add(c.text)
        used_words += c.words
        np.maximum(closest, sim[best], out=closest)
        taken(best)
    return chosen


def select(
    cands: Sequence[Candidate],
    scores: np.ndarray,
    sim: np.ndarray,
    budget: Budget,
    redundancy_threshold: float,
) -> list[int]:
    """Greedy MMR: :func:`greedy` with the gain ``score - MMR_LAMBDA * (similarity to the
    closest chosen one)``."""
    return greedy(cands, sim, budget, redundancy_threshold,
                  lambda closest: scores - MMR_LAMBDA * closest)

"""Redundancy-aware selection (MMR) under a budget of sentences and/or words."""

from __future__ import annotations

import itertools
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


#: Coverage selection: weight of salience against concept coverage in a candidate's gain.
SALIENCE_WEIGHT = 0.01
#: Coverage selection: gain is divided by ``(words / mean words) ** LENGTH_POWER`` (short,
#: dense sentences are not starved by long ones, nor the reverse).
LENGTH_POWER = 0.0


#: Concepts reported by fewer independent sources than this carry no weight.
MIN_SOURCES = 2
#: Extra weight of a concept per sentence mentioning it (besides one per source).
MENTION_WEIGHT = 0.0
#: Concept kinds: content-term unigrams and/or bigrams.
UNIGRAMS, BIGRAMS = True, True


def concepts(terms: Sequence[Sequence[str]]) -> list[set[str]]:
    """Concepts of each candidate: its content-term unigrams and bigrams."""
    out: list[set[str]] = []
    for t in terms:
        found: set[str] = set(t) if UNIGRAMS else set()
        if BIGRAMS:
            found |= {f"{a} {b}" for a, b in itertools.pairwise(t)}
        out.append(found)
    return out


def concept_weights(cands: Sequence[Candidate], found: Sequence[set[str]],
                    groups: Sequence[int]) -> dict[str, float]:
    """Each concept's weight: how many independent sources mention it (only those with 2+)."""
    where: dict[str, set[int]] = {}
    mentions: dict[str, int] = {}
    for c, cs in zip(cands, found, strict=True):
        for k in cs:
            where.setdefault(k, set()).add(groups[c.article])
            mentions[k] = mentions.get(k, 0) + 1
    return {k: float(len(g)) + MENTION_WEIGHT * mentions[k]
            for k, g in where.items() if len(g) >= MIN_SOURCES}


def select_coverage(
    cands: Sequence[Candidate],
    scores: np.ndarray,
    sim: np.ndarray,
    found: Sequence[set[str]],
    weights: dict[str, float],
    budget: Budget,
    redundancy_threshold: float,
) -> list[int]:
    """Greedy budgeted concept coverage (as Gillick & Favre's ILP, solved greedily): each step
    takes the candidate whose not-yet-covered concepts (weighted by how many sources report
    them) plus ``SALIENCE_WEIGHT`` times its salience, per length, is largest.  Sentences
    saying what a chosen one says, repeats and budget overruns are skipped as in :func:`select`.
    """
    n = len(cands)
    index = {k: j for j, k in enumerate(sorted(weights))}
    w = np.array([weights[k] for k in sorted(weights)]) / (sum(weights.values()) or 1.0)
    has = np.zeros((n, len(index)))  # has[i, j]: candidate i mentions concept j
    for i, cs in enumerate(found):
        cols = [index[k] for k in cs if k in index]
        has[i, cols] = 1.0
    top = float(scores.max()) if n and scores.max() > 0 else 1.0
    mean_words = float(np.mean([c.words for c in cands])) if n else 1.0
    length = np.array([(max(c.words, 1) / mean_words) ** LENGTH_POWER for c in cands])
    salience = SALIENCE_WEIGHT * scores / top
    open_weight = w.copy()  # weights of concepts not covered yet
    chosen: list[int] = []
    used_words = 0
    alive = np.ones(n, dtype=bool)
    closest = np.zeros(n)
    texts: set[str] = set()
    while alive.any() and len(chosen) < budget.sentences:
        gains = np.where(alive, (has @ open_weight + salience) / length, -np.inf)
        best = int(np.argmax(gains))  # ties: the earlier candidate
        alive[best] = False
        c = cands[best]
        if c.text in texts or (chosen and closest[best] >= redundancy_threshold):
            continue
        if budget.words is not None and used_words + c.words > budget.words:
            continue
        chosen.append(best)
        texts.add(c.text)
        open_weight[has[best] > 0] = 0.0
        used_words += c.words
        np.maximum(closest, sim[best], out=closest)
    return chosen

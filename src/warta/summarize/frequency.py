"""Frequency coverage: choose the sentences whose words best match the story's own word mix.

The story's sentences, all of them, are read as a pseudo-reference: each word (every word,
function words too, lower-cased) is expected in the summary about as often as its share of the
story's words times the summary's length, more when several independent sources use it.  The
greedy selection then takes, step by step, the candidate that adds the most still-missing
expected words (clipped: a word beyond its expected count adds nothing), as KL-Sum / SumBasic
do (Haghighi & Vanderwende 2009), taking the best of a few length-scaled greedy passes.
Redundant sentences and budget overruns are skipped as in :func:`.select.select`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import text
from ..model import Article
from .candidates import Candidate
from .select import Budget, greedy

#: Expected count of a word is multiplied by ``(share of sources using it) ** SOURCE_POWER``:
#: words that several independent outlets use are what a summary of all of them says.
SOURCE_POWER = 1.0
#: Weight of the salience score (learned position/centrality plus support, scaled to [0, 1])
#: against word coverage, counted in expected words: one word's worth, a tie-breaker (0 to 10
#: changed ROUGE-1 by < 0.2 on the Multi-News dev clusters 2000-2999).
SALIENCE_WEIGHT = 1.0
#: Exponents of the sentence length that divides a step's gain, one greedy pass each (0: the
#: plain greedy).  On the Multi-News dev clusters 2000-2299 best-of (0, 0.25, 0.5, 0.75) gave
#: +0.5 ROUGE-1 over the plain greedy, (0, 0.5) +0.3, a single 0.5 +0.3, 1.0 -0.4.
LENGTH_POWERS = (0.0, 0.25, 0.5, 0.75)


def words(sentence: str) -> list[str]:
    """The lower-cased word tokens of ``sentence`` (function words kept)."""
    return text.tokenize(sentence.lower())


@dataclass(frozen=True)
class StoryWords:
    """Every sentence's words as ids into ``vocab`` (tokenised once, used twice)."""

    vocab: dict[str, int]
    ids: list[list[list[int]]]  # per article, per sentence


def story_words(articles: Sequence[Article]) -> StoryWords:
    """:func:`words` of every sentence of ``articles``, as ids."""
    vocab: dict[str, int] = {}
    ids = [[[vocab.setdefault(w, len(vocab)) for w in words(s.text)] for s in article.sentences]
           for article in articles]
    return StoryWords(vocab, ids)


def expected_counts(
    articles: Sequence[Article], groups: Sequence[int], summary_words: float, story: StoryWords
) -> np.ndarray:
    """How often each word of ``story.vocab`` is expected in a summary of ``summary_words``
    words (``story``: :func:`story_words` of ``articles``; ``groups``: source group of each
    article)."""
    n_vocab = len(story.vocab)
    flat = np.fromiter((i for sentences in story.ids for ws in sentences for i in ws),
                       dtype=np.int64)
    if not flat.size:
        return np.zeros(n_vocab)
    per_article = [sum(len(ws) for ws in sentences) for sentences in story.ids]
    group = np.repeat(np.asarray(groups, dtype=np.int64), per_article)
    counts = np.bincount(flat, minlength=n_vocab).astype(float)
    # How many source groups use each word: distinct (word, group) pairs per word.
    n_groups = int(group.max()) + 1
    used = np.unique(flat * n_groups + group) // n_groups
    sources = np.bincount(used, minlength=n_vocab)
    total = sum(len(s.text.split()) for article in articles for s in article.sentences)
    scale = summary_words / max(total, 1)
    out: np.ndarray = counts * scale * (sources / (len(set(groups)) or 1)) ** SOURCE_POWER
    return out


def select_frequency(
    cands: Sequence[Candidate],
    scores: np.ndarray,
    sim: np.ndarray,
    expected: np.ndarray,
    story: StoryWords,
    budget: Budget,
    redundancy_threshold: float,
) -> list[int]:
    """Indices of the chosen candidates, in the order chosen: greedy clipped coverage of the
    ``expected`` word counts (of ``story.vocab``) plus ``SALIENCE_WEIGHT`` times the scaled
    salience ``scores``; redundancy, repeats and the budget are handled by
    :func:`.select.greedy`.

    The greedy pass runs once per exponent of :data:`LENGTH_POWERS`, each step taking the
    best gain per ``words ** power``, and the selection of highest total value (coverage plus
    salience; ties: the earlier power) wins: under a word budget a long sentence that covers a
    lot can crowd out two shorter ones that cover more (Lin & Bilmes 2010 take the best of
    the plain and the cost-scaled greedy for the same reason)."""
    n = len(cands)
    n_vocab = max(len(story.vocab), 1)
    # Sparse (candidate, word, count) triples: a dense matrix over the story's whole
    # vocabulary made each greedy step cost more than everything else together.
    keys = np.array([k * n_vocab + w for k, c in enumerate(cands)
                     for w in story.ids[c.article][c.sentence]], dtype=np.int64)
    uniq, counts = np.unique(keys, return_counts=True)
    row, col, val = uniq // n_vocab, uniq % n_vocab, counts.astype(float)
    top = float(scores.max()) if n and scores.max() > 0 else 1.0
    salience = SALIENCE_WEIGHT * scores / top
    lengths = np.array([max(c.words, 1) for c in cands], dtype=float)
    best: tuple[float, list[int]] | None = None
    for power in LENGTH_POWERS:
        missing = np.array(expected, dtype=float)  # expected count not covered yet, per word
        cost = lengths ** power

        def gains(closest: np.ndarray, missing: np.ndarray = missing,
                  cost: np.ndarray = cost) -> np.ndarray:
            covered = np.bincount(row, weights=np.minimum(val, missing[col]), minlength=n)
            out: np.ndarray = (covered + salience) / cost
            return out

        def cover(chosen: int, missing: np.ndarray = missing) -> None:
            mine = row == chosen
            missing[col[mine]] = np.maximum(missing[col[mine]] - val[mine], 0.0)

        picked = greedy(cands, sim, budget, redundancy_threshold, gains, cover)
        value = float(np.sum(expected - missing)) + float(salience[picked].sum())
        if best is None or value > best[0] + 1e-9:
            best = (value, picked)
    return best[1] if best is not None else []

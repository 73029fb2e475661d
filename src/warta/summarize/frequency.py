"""Frequency coverage: choose the sentences whose words best match the story's own word mix.

The story's sentences, all of them, are read as a pseudo-reference: each word (every word,
function words too, lower-cased) is expected in the summary about as often as its share of the
story's words times the summary's length, more when several independent sources use it.  The
greedy selection then takes, step by step, the candidate that adds the most still-missing
expected words (clipped: a word beyond its expected count adds nothing), as KL-Sum / SumBasic
do (Haghighi & Vanderwende 2009).  Redundant sentences and budget overruns are skipped as in
:func:`.select.select`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


def words(sentence: str) -> list[str]:
    """The lower-cased word tokens of ``sentence`` (function words kept)."""
    return [w.lower() for w in text.tokenize(sentence)]


def story_words(articles: Sequence[Article]) -> list[list[list[str]]]:
    """:func:`words` of every sentence, per article (tokenised once, used twice)."""
    return [[words(s.text) for s in article.sentences] for article in articles]


def expected_counts(
    articles: Sequence[Article],
    groups: Sequence[int],
    summary_words: float,
    tokens: Sequence[Sequence[Sequence[str]]] | None = None,
) -> dict[str, float]:
    """How often each word of the story is expected in a summary of ``summary_words`` words
    (``tokens``: :func:`story_words` of ``articles``, computed when not given)."""
    counts: dict[str, int] = {}
    where: dict[str, set[int]] = {}
    total = 0
    for a, (article, sentence_words) in enumerate(
            zip(articles, tokens or story_words(articles), strict=True)):
        total += sum(len(s.text.split()) for s in article.sentences)
        for ws in sentence_words:
            for w in ws:
                counts[w] = counts.get(w, 0) + 1
                where.setdefault(w, set()).add(groups[a])
    n_sources = len(set(groups)) or 1
    scale = summary_words / max(total, 1)
    return {w: k * scale * (len(where[w]) / n_sources) ** SOURCE_POWER
            for w, k in counts.items()}


def select_frequency(
    cands: Sequence[Candidate],
    scores: np.ndarray,
    sim: np.ndarray,
    expected: dict[str, float],
    budget: Budget,
    redundancy_threshold: float,
    tokens: Sequence[Sequence[Sequence[str]]] | None = None,
) -> list[int]:
    """Indices of the chosen candidates, in the order chosen: greedy clipped coverage of the
    ``expected`` word counts plus ``SALIENCE_WEIGHT`` times the scaled salience ``scores``;
    redundancy, repeats and the budget are handled by :func:`.select.greedy`.  ``tokens``:
    :func:`story_words` of the story, when already known."""
    n = len(cands)
    # Sparse (candidate, word, count) triples: a dense matrix over the story's whole
    # vocabulary made each greedy step cost more than everything else together.
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    vocab: dict[str, int] = {}
    for i, c in enumerate(cands):
        cand_words = tokens[c.article][c.sentence] if tokens else words(c.text)
        for w, k in Counter(cand_words).items():
            if w in expected:
                rows.append(i)
                cols.append(vocab.setdefault(w, len(vocab)))
                vals.append(float(k))
    row, col, val = np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp), np.array(vals)
    missing = np.zeros(len(vocab))  # expected count not covered yet, per word
    for w, j in vocab.items():
        missing[j] = expected[w]
    top = float(scores.max()) if n and scores.max() > 0 else 1.0
    salience = SALIENCE_WEIGHT * scores / top

    def gains(closest: np.ndarray) -> np.ndarray:
        covered = np.bincount(row, weights=np.minimum(val, missing[col]), minlength=n)
        out: np.ndarray = covered + salience
        return out

    def cover(best: int) -> None:
        mine = row == best
        missing[col[mine]] = np.maximum(missing[col[mine]] - val[mine], 0.0)

    return greedy(cands, sim, budget, redundancy_threshold, gains, cover)

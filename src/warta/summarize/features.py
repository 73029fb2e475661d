"""Per-sentence features: position, centrality, length, and multi-source support.

Every feature is language-independent (computed from positions and from TF-IDF similarities of
stemmed content terms), so one scorer serves Indonesian, English and any other language.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .candidates import MAX_WORDS, Candidate

#: Names of the columns of :func:`sentence_features`, in order (the learned model's inputs).
FEATURES = (
    "position_inv",  # 1 / sqrt(1 + sentence index): news leads carry the event
    "first",  # the article's first sentence
    "paragraph_inv",  # 1 / (1 + paragraph rank)
    "relative_position",  # sentence index / sentences in the article
    "story_centrality",  # mean similarity to every other candidate (normalised to max 1)
    "article_centrality",  # mean similarity to the other candidates of its own article
    "length",  # log(words) / log(MAX_WORDS)
    "quote",  # holds a quotation mark (quotes are colour, rarely the event itself)
)

_QUOTES = ('"', "“", "”", "«", "»")


def similarity(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine similarities of sublinear TF-IDF vectors of ``term_lists`` (smoothed IDF from the
    same lists), equal to the plain dense product (its reference is in
    tests/summarize/test_features.py).  Faster: a term found in one sentence only adds to that
    sentence's norm, never to a dot product, so only terms shared
    by two or more sentences become matrix columns; and the product is a sparse one (a
    sentence holds a few dozen of the story's thousands of terms).  Sparse, not a dense BLAS
    product, for speed under load too: OpenBLAS spreads even a 200 x 1,000 product over every
    core and, on a busy machine, waits for them (10-article story: 16 ms CPU, 40 ms wall at
    load 5, against 2 / 7 ms sparse)."""
    m, has_terms = weighted_rows(term_lists)
    out: np.ndarray = (m @ m.T).toarray()
    # Every sentence with terms is identical to itself (its own-only terms left the matrix).
    np.fill_diagonal(out, has_terms)
    return out


def weighted_rows(term_lists: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, list[float]]:
    """Unit-length sublinear TF-IDF rows of ``term_lists`` over the terms two or more lists
    share (the only ones a dot product can see; the others still count in each row's norm), and
    1.0 / 0.0 per list for whether it has any term (its similarity to itself)."""
    n = len(term_lists)
    counted = [Counter(t) for t in term_lists]
    df: Counter[str] = Counter()
    for c in counted:
        df.update(c.keys())
    shared = {t: j for j, t in enumerate(t for t, k in df.items() if k >= 2)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    norms = np.ones(n)
    for i, c in enumerate(counted):
        total = 0.0
        for t, k in c.items():
            v = (1.0 + math.log(k)) * (math.log((1 + n) / (1 + df[t])) + 1.0)
            total += v * v
            j = shared.get(t)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(v)
        norms[i] = math.sqrt(total) or 1.0
    row = np.asarray(rows, dtype=np.int64)
    m = sparse.csr_matrix((np.asarray(vals) / norms[row], (row, np.asarray(cols, dtype=np.int64))),
                          shape=(n, len(shared)))
    return m, [1.0 if c else 0.0 for c in counted]


def _mean_off_diagonal(block: np.ndarray) -> np.ndarray:
    n = block.shape[0]
    if n < 2:
        return np.zeros(n)
    out: np.ndarray = (block.sum(axis=1) - np.diag(block)) / (n - 1)
    return out


def sentence_features(
    cands: Sequence[Candidate], sim: np.ndarray, article_lengths: Sequence[int]
) -> np.ndarray:
    """A ``len(cands) x len(FEATURES)`` matrix (see :data:`FEATURES`)."""
    n = len(cands)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    art = np.array([c.article for c in cands])
    centrality = _mean_off_diagonal(sim)
    if centrality.max() > 0:
        centrality = centrality / centrality.max()
    own = np.zeros(n)
    for a in np.unique(art):
        rows = np.flatnonzero(art == a)
        own[rows] = _mean_off_diagonal(sim[np.ix_(rows, rows)])
    for k, c in enumerate(cands):
        x[k, 0] = 1.0 / math.sqrt(1.0 + c.sentence)
        x[k, 1] = 1.0 if c.sentence == 0 else 0.0
        x[k, 2] = 1.0 / (1.0 + c.paragraph)
        x[k, 3] = c.sentence / max(article_lengths[c.article], 1)
        x[k, 6] = math.log(max(c.words, 1)) / math.log(MAX_WORDS)
        x[k, 7] = 1.0 if any(q in c.text for q in _QUOTES) else 0.0
    x[:, 4] = centrality
    x[:, 5] = own
    return x


def support(cands: Sequence[Candidate], sim: np.ndarray, groups: Sequence[int]) -> np.ndarray:
    """How strongly the *other* independent sources report each candidate's content, in [0, 1].

    For each source group other than the candidate's own, the best similarity of any of its
    sentences; averaged over those groups.  Near-duplicate articles share a group, so a story
    copied by five portals counts as one source.  Zero for a single-source story.
    """
    n = len(cands)
    n_groups = len(set(groups))
    out = np.zeros(n)
    if n == 0 or n_groups < 2:
        return out
    grp = np.array([groups[c.article] for c in cands])
    for g in range(n_groups):
        cols = grp == g
        if not cols.any():
            continue
        best = sim[:, cols].max(axis=1)
        best[grp == g] = 0.0  # a source does not support itself
        out += best
    out /= n_groups - 1
    return np.clip(out, 0.0, 1.0)

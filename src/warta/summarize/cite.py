"""Citations that tell the whole truth, and a readable order.

A summary sentence cites the sentence it was taken from, then, for every other article, the
sentence that says the same thing (paraphrase detection by TF-IDF cosine over stemmed content
terms, at or above the redundancy threshold), so "3 sources" means three articles said it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from ..model import Article, Citation, SummarySentence
from .candidates import Candidate


def paraphrases(i: int, cands: Sequence[Candidate], sim: np.ndarray, threshold: float) -> list[int]:
    """``i``, then per other article (in story order) its best match when it says the same."""
    found = [i]
    by_article: dict[int, list[int]] = {}
    for j, c in enumerate(cands):
        by_article.setdefault(c.article, []).append(j)
    for a, cols in by_article.items():
        if a == cands[i].article:
            continue
        j = max(cols, key=lambda j: (sim[i, j], -j))
        if sim[i, j] >= threshold:
            found.append(j)
    return found


def cited_summary(
    chosen: Sequence[int],
    cands: Sequence[Candidate],
    sim: np.ndarray,
    articles: Sequence[Article],
    threshold: float,
) -> list[SummarySentence]:
    """The chosen sentences with their citations, in reading order: when the sources first
    reported it (publication date), then where it stands in its article, then article order."""

    def reading_order(group: list[int]) -> tuple[dt.date, int, int]:
        first = min(group, key=lambda j: (articles[cands[j].article].published or dt.date.max, j))
        c = cands[first]
        return (articles[c.article].published or dt.date.max, c.sentence, c.article)

    groups = [paraphrases(i, cands, sim, threshold) for i in chosen]
    out: list[SummarySentence] = []
    for group in sorted(groups, key=reading_order):
        c = cands[group[0]]
        cites = tuple(Citation(articles[cands[j].article].id, cands[j].sentence) for j in group)
        out.append(SummarySentence(text=c.text, citations=cites))
    return out

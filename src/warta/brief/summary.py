"""A first extractive multi-document summary with citations.

Sentences are scored on three signals: *support* (how strongly the other articles of the story
report the same content: the best match in each other article, summed), *centrality* among all
candidate sentences, and *position* (news leads carry the event).  Selection is greedy with a
redundancy cut (MMR-like): a sentence too similar to one already chosen is skipped.  Every
summary sentence is the exact text of a source sentence; its citations are that sentence plus the
best-matching sentence of each other article that says the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import text
from ..config import Config
from ..model import Article, Citation, SummarySentence
from .vectors import similarity_matrix

#: Sentences shorter than this (in words) are not summary material (captions, fragments).
MIN_WORDS = 5
#: Sentences longer than this are usually run-ons or lists.
MAX_WORDS = 80
#: Only this many leading sentences of each article compete (the news lead carries the event).
MAX_PER_ARTICLE = 15
#: Weights of support, centrality and position in a sentence's score.
WEIGHTS = (0.45, 0.25, 0.30)
#: How hard the greedy selection penalises similarity to what is already chosen.
MMR_LAMBDA = 0.5


@dataclass(frozen=True)
class _Candidate:
    article: int
    sentence: int
    text: str


def _candidates(articles: Sequence[Article]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for a, article in enumerate(articles):
        for s in article.sentences[:MAX_PER_ARTICLE]:
            n_words = len(s.text.split())
            if MIN_WORDS <= n_words <= MAX_WORDS and not s.text.rstrip().endswith("?"):
                out.append(_Candidate(a, article.sentences.index(s), s.text))
    if not out:
        # Short or fragmentary articles: fall back to every sentence rather than nothing.
        out = [
            _Candidate(a, i, s.text)
            for a, article in enumerate(articles)
            for i, s in enumerate(article.sentences[:MAX_PER_ARTICLE])
        ]
    return out


def _scores(cands: Sequence[_Candidate], sim: np.ndarray, n_articles: int) -> np.ndarray:
    n = len(cands)
    art = np.array([c.article for c in cands])
    support = np.zeros(n)
    if n_articles > 1:
        for b in range(n_articles):
            cols = art == b
            if not cols.any():
                continue
            best = sim[:, cols].max(axis=1)
            best[art == b] = 0.0  # an article does not support itself
            support += best
        support /= n_articles - 1
    off_diag = sim.sum(axis=1) - np.diag(sim)
    centrality = off_diag / max(n - 1, 1)
    if centrality.max() > 0:
        centrality = centrality / centrality.max()
    position = np.array([1.0 / np.sqrt(1.0 + c.sentence) for c in cands])
    w_sup, w_cen, w_pos = WEIGHTS
    if n_articles == 1:
        w_sup, w_cen, w_pos = 0.0, w_cen + w_sup / 2, w_pos + w_sup / 2
    scores: np.ndarray = w_sup * support + w_cen * centrality + w_pos * position
    return scores


def summarize(articles: Sequence[Article], config: Config) -> list[SummarySentence]:
    """Up to ``config.summary_sentences`` cited source sentences summarising ``articles``."""
    cands = _candidates(articles)
    if not cands:
        return []
    language = articles[0].language
    terms = [text.content_terms(c.text, articles[c.article].language or language) for c in cands]
    sim = similarity_matrix(terms)
    scores = _scores(cands, sim, len(articles))
    chosen: list[int] = []
    remaining = set(range(len(cands)))
    while remaining and len(chosen) < config.summary_sentences:
        def gain(i: int) -> tuple[float, int]:
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            return (scores[i] - MMR_LAMBDA * redundancy, -i)

        best = max(remaining, key=gain)
        remaining.discard(best)
        if any(sim[best, j] >= config.redundancy_threshold for j in chosen):
            continue
        if any(cands[best].text == cands[j].text for j in chosen):
            continue
        chosen.append(best)

    by_article: dict[int, list[int]] = {}
    for j, d in enumerate(cands):
        by_article.setdefault(d.article, []).append(j)

    def matches(i: int) -> list[int]:
        """``i`` and, per other article, its best match when that says the same thing."""
        found = [i]
        for b, cols in by_article.items():
            if b == cands[i].article:
                continue
            j = max(cols, key=lambda j: (sim[i, j], -j))
            if sim[i, j] >= config.redundancy_threshold:
                found.append(j)
        return found

    def reading_order(group: list[int]) -> tuple[dt.date, int, int]:
        # When the sources first reported it, then where it stands in the article.
        first = min(group, key=lambda j: (articles[cands[j].article].published or dt.date.max, j))
        c = cands[first]
        return (articles[c.article].published or dt.date.max, c.sentence, c.article)

    out: list[SummarySentence] = []
    for group in sorted((matches(i) for i in chosen), key=reading_order):
        c = cands[group[0]]
        cites = [Citation(articles[cands[j].article].id, cands[j].sentence) for j in group]
        out.append(SummarySentence(text=c.text, citations=tuple(cites)))
    return out

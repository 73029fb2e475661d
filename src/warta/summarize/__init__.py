"""Extractive multi-document summaries with citations to every source that reports them.

Steps (one module each): :mod:`.candidates` (which sentences may appear), :mod:`.sources`
(near-duplicate articles merged into one source), :mod:`.features` + :mod:`.scorer` (salience
from position, centrality and length, learned on IndoSum folds 1-4, plus support by other
independent outlets), :mod:`.select` (MMR under a sentence/word budget), :mod:`.cite`
(paraphrase citations, reading order), :mod:`.headline`.

Every summary sentence is the exact text of a source sentence; nothing is generated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .. import text
from ..brief.vectors import similarity_matrix
from ..config import Config
from ..model import Article, SummarySentence
from .candidates import Candidate, candidates
from .cite import cited_summary
from .features import sentence_features, support
from .headline import headline
from .scorer import base_scores, combine, shipped_model
from .select import Budget, select
from .sources import source_groups

__all__ = ["Budget", "Candidate", "analyse", "headline", "summarize"]


def analyse(articles: Sequence[Article]) -> tuple[list[Candidate], np.ndarray, np.ndarray]:
    """Candidates of ``articles``, their pairwise similarities and their feature matrix (also
    what the training script of the learned scorer sees)."""
    cands = candidates(articles)
    terms = [text.content_terms(c.text, articles[c.article].language) for c in cands]
    sim = similarity_matrix(terms)
    x = sentence_features(cands, sim, [len(a.sentences) for a in articles])
    return cands, sim, x


def summarize(
    articles: Sequence[Article],
    config: Config,
    duplicates: Iterable[tuple[str, str]] | None = None,
) -> list[SummarySentence]:
    """A cited extractive summary of ``articles`` (one story).

    The budget is ``config.summary_sentences`` sentences and, when set,
    ``config.summary_max_words`` words (a sentence that would overrun it is skipped, so a budget
    smaller than every sentence gives an empty summary).  ``duplicates`` are pairs of
    near-duplicate article ids (counted as one source for support); ``None`` detects copies by
    sentence overlap.  Deterministic: the same input gives the same output.
    """
    cands, sim, x = analyse(articles)
    if not cands:
        return []
    groups = source_groups(articles, duplicates)
    scores = combine(base_scores(x, shipped_model()), support(cands, sim, groups), len(set(groups)))
    budget = Budget(config.summary_sentences, config.summary_max_words)
    chosen = select(cands, scores, sim, budget, config.redundancy_threshold)
    return cited_summary(chosen, cands, sim, articles, config.redundancy_threshold)

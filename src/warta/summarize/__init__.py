"""Extractive multi-document summaries with citations to every source that reports them.

Steps (one module each): :mod:`.candidates` (which sentences may appear), :mod:`.sources`
(near-duplicate articles merged into one source), :mod:`.features` + :mod:`.scorer` (salience
from position, centrality and length, learned on IndoSum folds 1-4, plus support by other
independent outlets), :mod:`.select` (MMR under a sentence/word budget for one source),
:mod:`.frequency` (several sources: coverage of the story's own word mix), :mod:`.cite`
(paraphrase citations, reading order), :mod:`.headline`.

Every summary sentence is the exact text of a source sentence; nothing is generated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .. import text
from ..config import Config
from ..model import Article, SummarySentence
from .candidates import Candidate, candidates
from .cite import cited_summary
from .features import sentence_features, similarity, support
from .frequency import expected_counts, select_frequency, story_words
from .headline import headline
from .scorer import base_scores, combine, shipped_model
from .select import Budget, select
from .sources import source_groups

__all__ = ["Analysis", "Budget", "Candidate", "analyse", "headline", "summarize"]


@dataclass(frozen=True)
class Analysis:
    """Candidates of a story, their content terms, pairwise similarities and features."""

    cands: list[Candidate]
    terms: list[list[str]]
    sim: np.ndarray
    x: np.ndarray


def analyse(articles: Sequence[Article]) -> Analysis:
    """Candidates of ``articles`` with their terms, similarities and feature matrix (also what
    the training script of the learned scorer sees)."""
    cands = candidates(articles)
    terms = [text.content_terms(c.text, articles[c.article].language) for c in cands]
    sim = similarity(terms)
    x = sentence_features(cands, sim, [len(a.sentences) for a in articles])
    return Analysis(cands, terms, sim, x)


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
    an = analyse(articles)
    cands, sim = an.cands, an.sim
    if not cands:
        return []
    groups = source_groups(articles, duplicates)
    n_sources = len(set(groups))
    scores = combine(base_scores(an.x, shipped_model()), support(cands, sim, groups), n_sources)
    budget = Budget(config.summary_sentences, config.summary_max_words)
    if n_sources > 1:
        # Several outlets: the sentences whose words best match what the sources together
        # say (words several of them use weigh more), within the budget.
        words = budget.words or budget.sentences * float(np.mean([c.words for c in cands]))
        story = story_words(articles)
        chosen = select_frequency(cands, scores, sim,
                                  expected_counts(articles, groups, words, story), story,
                                  budget, config.redundancy_threshold)
    else:
        chosen = select(cands, scores, sim, budget, config.redundancy_threshold)
    return cited_summary(chosen, cands, sim, articles, config.redundancy_threshold)
